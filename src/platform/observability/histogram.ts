import type { Registry } from 'prom-client';

/*
 * A Prometheus histogram with labels, registered on a prom-client registry and scraped in the
 * same text as prom-client's own histogram, observed without prom-client's work per
 * observation (checking the label names, hashing the sorted label object, a fresh object per
 * value and per timer): here an observation is one map lookup by its label values and a few
 * additions. Every request makes several (its duration, its operation's, each SQL statement's),
 * which through prom-client were a measurable share of a read's CPU (bench/CHANGES.md).
 */

interface HistogramOptions<Label extends string> {
  name: string;
  help: string;
  labelNames: readonly Label[];
  /** Upper bounds in seconds, ascending; `+Inf` is added. */
  buckets: readonly number[];
  registers: readonly Registry[];
}

interface Series {
  labels: Record<string, string>;
  /** Observations per bucket (not cumulative). */
  counts: number[];
  sum: number;
  count: number;
}

/** One value of a scrape, as prom-client's registry formats it. */
interface ScrapedValue {
  metricName: string;
  labels: Record<string, string | number>;
  sharedLabels?: Record<string, string>;
  value: number;
}

export class LabelledHistogram<Label extends string> {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  readonly name: string;
  readonly help: string;
  readonly #labelNames: readonly Label[];
  readonly #buckets: readonly number[];
  readonly #series = new Map<string, Series>();

  constructor(options: HistogramOptions<Label>) {
    this.name = options.name;
    this.help = options.help;
    this.#labelNames = options.labelNames;
    this.#buckets = options.buckets;
    // The registry reads `name`, `help`, `type` and `get`/`getForPromString`: what this class has.
    for (const registry of options.registers) registry.registerMetric(this as never);
  }

  /** Counts one value (seconds) under `labels`; a value that is not a finite number is dropped. */
  observe(labels: Readonly<Record<Label, string>>, seconds: number): void {
    if (!Number.isFinite(seconds)) return;
    let key = '';
    for (const name of this.#labelNames) key += `${labels[name]}\u0000`;
    let series = this.#series.get(key);
    if (!series) {
      const own: Record<string, string> = {};
      for (const name of this.#labelNames) own[name] = labels[name];
      series = { labels: own, counts: this.#buckets.map(() => 0), sum: 0, count: 0 };
      this.#series.set(key, series);
    }
    const buckets = this.#buckets;
    for (let i = 0; i < buckets.length; i++) {
      if (seconds <= (buckets[i] as number)) {
        series.counts[i] = (series.counts[i] as number) + 1;
        break;
      }
    }
    series.sum += seconds;
    series.count += 1;
  }

  /** Starts timing; the function returned observes the seconds since, under `labels`. */
  startTimer(labels: Readonly<Record<Label, string>>): () => void {
    const started = performance.now();
    return () => this.observe(labels, (performance.now() - started) / 1000);
  }

  /** The scrape's values, labels of each series apart (`sharedLabels`), as the registry formats them. */
  getForPromString() {
    const values: ScrapedValue[] = [];
    const bucketName = `${this.name}_bucket`;
    for (const series of this.#series.values()) {
      let cumulative = 0;
      this.#buckets.forEach((bound, i) => {
        cumulative += series.counts[i] as number;
        values.push({ metricName: bucketName, labels: { le: bound }, sharedLabels: series.labels, value: cumulative });
      });
      values.push({ metricName: bucketName, labels: { le: '+Inf' }, sharedLabels: series.labels, value: series.count });
      values.push({ metricName: `${this.name}_sum`, labels: {}, sharedLabels: series.labels, value: series.sum });
      values.push({ metricName: `${this.name}_count`, labels: {}, sharedLabels: series.labels, value: series.count });
    }
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  /** The same values with each series' labels in their own (prom-client's `get`, for JSON). */
  get() {
    const scraped = this.getForPromString();
    return {
      ...scraped,
      values: scraped.values.map(({ sharedLabels, labels, ...value }) => ({
        ...value,
        labels: { ...labels, ...sharedLabels },
      })),
    };
  }

  reset(): void {
    this.#series.clear();
  }
}
