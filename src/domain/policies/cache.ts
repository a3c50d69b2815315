import { parsePolicyDocument, type PolicyDocument } from '../../core/policy/index.js';
import type { Store } from '../../storage/store.js';
import type { PolicySource } from './types.js';

// Enough for every policy of a busy account; the least recently used are dropped beyond it.
const MAX_ENTRIES = 2000;

/**
 * Parsed documents by source key (a managed policy's id and version, an inline policy's
 * revision). Those keys name immutable text, so an entry never goes stale; caches are kept per
 * store, so two databases in one process never share keys.
 */
const caches = new WeakMap<Store, Map<string, PolicyDocument>>();

export function parsedPolicy(store: Store, source: PolicySource): PolicyDocument {
  let cache = caches.get(store);
  if (!cache) {
    cache = new Map();
    caches.set(store, cache);
  }

  const hit = cache.get(source.key);
  if (hit) {
    cache.delete(source.key);
    cache.set(source.key, hit);
    return hit;
  }

  // Stored documents were validated on write; one that no longer parses fails the request
  // (an internal failure) rather than being skipped, since skipping could drop a Deny.
  const document = parsePolicyDocument(source.document);
  cache.set(source.key, document);
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return document;
}
