export { LruCache } from './lru.js';
