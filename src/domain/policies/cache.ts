import { LruCache } from '../../core/cache/index.js';
import { parsePolicyDocument, type PolicyDocument } from '../../core/policy/index.js';
import type { PolicySource } from './types.js';

// Enough for every policy of a busy account; the least recently used are dropped beyond it.
const MAX_ENTRIES = 2000;

/**
 * Parsed documents keyed by their text: parsing is a pure function of the text, so an entry can
 * never be stale or belong to another database, and every request (each in its own transaction
 * store) shares the one cache.
 */
const cache = new LruCache<string, PolicyDocument>(MAX_ENTRIES);

// Stored documents were validated on write; one that no longer parses fails the request (an
// internal failure) rather than being skipped, since skipping could drop a Deny.
export function parsedPolicy(source: PolicySource): PolicyDocument {
  return cache.getOrMake(source.document, parsePolicyDocument);
}
