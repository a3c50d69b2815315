import type { Deps } from '../../domain/context.js';
import { apiCallEvent, type ApiCall } from './api-event.js';

/** Writes one API call's event through `deps.store`: inside the caller's transaction, if any. */
export async function recordApiCall(deps: Deps, call: ApiCall): Promise<void> {
  const now = deps.clock();
  await deps.store.audit.insert(apiCallEvent(deps, call, now), now);
}

/** Key ids are not secret; a refused request's claimed one is kept only if it looks like one. */
export function plausibleKeyId(claimed: string): string | undefined {
  return /^[A-Z0-9]{16,128}$/.test(claimed) ? claimed : undefined;
}
