import type { Deps } from '../../domain/context.js';
import { apiCallEvent, changesNothing, type ApiCall } from './api-event.js';

/**
 * Writes one API call's event through `deps.store`: inside the caller's transaction, if any, so a
 * change commits only with its event. The event of a call that changed nothing is queued instead
 * and written with others a few milliseconds later (a crash may lose that batch of read events).
 * Resolves to the error that lost an earlier queued batch, if one did, for the caller to report.
 */
export async function recordApiCall(deps: Deps, call: ApiCall): Promise<unknown> {
  const now = deps.clock();
  const event = apiCallEvent(deps, call, now);
  if (changesNothing(call.action)) return deps.store.audit.insertSoon(event, now);

  await deps.store.audit.insert(event, now);
  return undefined;
}

/** Key ids are not secret; a refused request's claimed one is kept only if it looks like one. */
export function plausibleKeyId(claimed: string): string | undefined {
  return /^[A-Z0-9]{16,128}$/.test(claimed) ? claimed : undefined;
}
