import { InvalidInput } from './errors.js';
import type { Page } from './types.js';

/**
 * Markers carry the sort key of the last item returned. They are not secret; the prefix lets a
 * marker from another list (or a made-up one) be refused instead of silently skipping items.
 */
const PREFIX = 'tessera1:';

export function encodeMarker(sortKey: string): string {
  return PREFIX + sortKey;
}

export function decodeMarker(marker: string | undefined): string | undefined {
  if (marker === undefined) return undefined;
  if (!marker.startsWith(PREFIX)) throw new InvalidInput('Invalid Marker.');
  return marker.slice(PREFIX.length);
}

/** Fetches one more than asked so it can tell whether another page follows. */
export async function pageOf<T>(
  maxItems: number,
  marker: string | undefined,
  fetch: (after: string | undefined, limit: number) => Promise<T[]>,
  sortKey: (item: T) => string,
): Promise<Page<T>> {
  const rows = await fetch(decodeMarker(marker), maxItems + 1);
  if (rows.length <= maxItems) return { items: rows };

  const items = rows.slice(0, maxItems);
  return { items, marker: encodeMarker(sortKey(items[items.length - 1]!)) };
}

/** Pages a short list held in memory (tags, a user's two access keys) by position. */
export function pageList<T>(items: T[], maxItems: number, marker: string | undefined): Page<T> {
  const start = marker === undefined ? 0 : Number(decodeMarker(marker));
  if (!Number.isInteger(start) || start < 0) throw new InvalidInput('Invalid Marker.');

  const end = start + maxItems;
  const page = items.slice(start, end);
  return end < items.length ? { items: page, marker: encodeMarker(String(end)) } : { items: page };
}
