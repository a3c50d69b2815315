/**
 * The Prometheus text exposition format (version 0.0.4), for the few metric kinds Tessera keeps.
 * Label values come from a fixed set chosen by the code, never from a request, so the number of
 * series stays bounded whatever clients send.
 */
export const CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

type Labels = Record<string, string>;

export class Counter {
  readonly #values = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = seriesKey(labels);
    const series = this.#values.get(key) ?? { labels, value: 0 };
    series.value += by;
    this.#values.set(key, series);
  }

  get(labels: Labels = {}): number {
    return this.#values.get(seriesKey(labels))?.value ?? 0;
  }

  render(): string {
    let out = header(this.name, this.help, 'counter');
    for (const { labels, value } of this.#values.values()) out += line(this.name, labels, value);
    return out;
  }
}

interface HistogramSeries {
  labels: Labels;
  /** Observations at or below each bucket's bound (cumulative, as the format wants). */
  counts: number[];
  count: number;
  sum: number;
}

export class Histogram {
  readonly #series = new Map<string, HistogramSeries>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {}

  observe(labels: Labels, value: number): void {
    const key = seriesKey(labels);
    const series = this.#series.get(key) ?? {
      labels,
      counts: this.buckets.map(() => 0),
      count: 0,
      sum: 0,
    };
    this.buckets.forEach((bound, i) => {
      if (value <= bound) series.counts[i]! += 1;
    });
    series.count += 1;
    series.sum += value;
    this.#series.set(key, series);
  }

  render(): string {
    let out = header(this.name, this.help, 'histogram');
    for (const { labels, counts, count, sum } of this.#series.values()) {
      this.buckets.forEach((bound, i) => {
        out += line(`${this.name}_bucket`, { ...labels, le: String(bound) }, counts[i]!);
      });
      out += line(`${this.name}_bucket`, { ...labels, le: '+Inf' }, count);
      out += line(`${this.name}_sum`, labels, sum);
      out += line(`${this.name}_count`, labels, count);
    }
    return out;
  }
}

/** A gauge read at scrape time: one value, no labels. */
export function gauge(name: string, help: string, value: number): string {
  return header(name, help, 'gauge') + line(name, {}, value);
}

/** A counter whose total lives elsewhere (the process's CPU time): one value, no labels. */
export function counterValue(name: string, help: string, value: number): string {
  return header(name, help, 'counter') + line(name, {}, value);
}

function header(name: string, help: string, type: string): string {
  const text = help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  return `# HELP ${name} ${text}\n# TYPE ${name} ${type}\n`;
}

function line(name: string, labels: Labels, value: number): string {
  const pairs = Object.entries(labels).map(([key, text]) => `${key}="${escapeLabel(text)}"`);
  const set = pairs.length > 0 ? `{${pairs.join(',')}}` : '';
  return `${name}${set} ${formatValue(value)}\n`;
}

function escapeLabel(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function seriesKey(labels: Labels): string {
  return Object.entries(labels)
    .map(([key, value]) => `${key}\u0000${value}`)
    .join('\u0001');
}
