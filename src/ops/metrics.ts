import { findAction } from '../api/actions.js';
import type { QueryOutcome } from '../api/pipeline.js';
import type { Deps, DomainObserver, MfaVerificationResult } from '../domain/context.js';
import { ProcessMetrics } from './process-metrics.js';
import { Counter, gauge, Histogram } from './prometheus.js';

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const MFA_RESULTS: MfaVerificationResult[] = ['ok', 'wrong', 'replayed', 'locked'];

/**
 * Tessera's metrics for one server. Every label value is one the code knows (an operation's
 * name, an AWS error code, a verification result), so no request can add series.
 */
export class Metrics {
  readonly requests = new Counter(
    'tessera_requests_total',
    'Query API requests by service, action and outcome (success, or the AWS error code).',
  );
  readonly latency = new Histogram(
    'tessera_request_duration_seconds',
    'Query API request latency in seconds, from the body being read to the answer.',
    LATENCY_BUCKETS,
  );
  readonly mfaVerifications = new Counter(
    'tessera_mfa_verifications_total',
    'Checks of MFA codes (sign-in, STS, enable, resync) by result.',
  );
  readonly httpRejections = new Counter(
    'tessera_http_rejections_total',
    'Requests refused before the Query API read them (body too large, unreadable), by status.',
  );
  readonly process = new ProcessMetrics();

  constructor() {
    for (const result of MFA_RESULTS) this.mfaVerifications.inc({ result }, 0);
  }

  /** The deps with this server's observer attached, so the domain's code checks are counted. */
  observe(deps: Deps): Deps {
    const previous = deps.observer;
    const observer: DomainObserver = {
      mfaVerification: (result) => {
        this.mfaVerifications.inc({ result });
        previous?.mfaVerification?.(result);
      },
    };
    return { ...deps, observer };
  }

  observeRequest(outcome: QueryOutcome, ms: number): void {
    const named = outcome.action !== undefined && findAction(outcome.service, outcome.action);
    const labels = { service: outcome.service, action: named ? outcome.action! : 'unknown' };
    this.requests.inc({ ...labels, outcome: outcome.error?.code ?? 'success' });
    this.latency.observe(labels, ms / 1000);
  }

  async render(deps: Deps): Promise<string> {
    const sessions = await deps.store.stats.activeConsoleSessions(deps.clock());
    const active =
      sessions === undefined
        ? ''
        : gauge('tessera_console_sessions_active', 'Signed-in console sessions.', sessions);
    return [
      this.requests.render(),
      this.latency.render(),
      this.mfaVerifications.render(),
      this.httpRejections.render(),
      active,
      this.process.render(),
    ].join('');
  }
}
