import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

import { counterValue, gauge } from './prometheus.js';

type Sample = [name: string, help: string, value: number];

/**
 * The process's own health, under the names prom-client uses so existing dashboards fit: memory,
 * CPU time, uptime and event loop lag (how late timers fire: high when the loop is blocked).
 */
export class ProcessMetrics {
  readonly #lag: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  readonly #startedAt = Date.now() - process.uptime() * 1000;

  constructor() {
    this.#lag.enable();
  }

  render(): string {
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    const gauges: Sample[] = [
      ['process_resident_memory_bytes', 'Resident memory size in bytes.', memory.rss],
      ['nodejs_heap_size_total_bytes', 'Heap size from Node.js in bytes.', memory.heapTotal],
      ['nodejs_heap_size_used_bytes', 'Heap size used from Node.js in bytes.', memory.heapUsed],
      ['nodejs_external_memory_bytes', 'Node.js external memory in bytes.', memory.external],
      [
        'process_start_time_seconds',
        'Start time since the epoch in seconds.',
        this.#startedAt / 1e3,
      ],
      ['process_uptime_seconds', 'Seconds since the process started.', process.uptime()],
      ...this.#lagSamples(),
    ];
    const counters: Sample[] = [
      ['process_cpu_user_seconds_total', 'User CPU time spent in seconds.', cpu.user / 1e6],
      ['process_cpu_system_seconds_total', 'System CPU time spent in seconds.', cpu.system / 1e6],
      [
        'process_cpu_seconds_total',
        'User and system CPU time in seconds.',
        (cpu.user + cpu.system) / 1e6,
      ],
    ];

    const out = gauges.map((sample) => gauge(...sample));
    return out.concat(counters.map((sample) => counterValue(...sample))).join('');
  }

  /** Lag since the previous scrape: the histogram restarts after each one. */
  #lagSamples(): Sample[] {
    const seconds = (ns: number): number => (Number.isFinite(ns) ? ns / 1e9 : 0);
    const samples: Sample[] = [
      ['nodejs_eventloop_lag_mean_seconds', 'Mean event loop lag.', seconds(this.#lag.mean)],
      [
        'nodejs_eventloop_lag_p99_seconds',
        'p99 event loop lag.',
        seconds(this.#lag.percentile(99)),
      ],
      ['nodejs_eventloop_lag_max_seconds', 'Largest event loop lag.', seconds(this.#lag.max)],
    ];
    this.#lag.reset();
    return samples;
  }

  stop(): void {
    this.#lag.disable();
  }
}
