import { familyHeader, formatLabels, formatValue } from './exposition';

type LabelValues<L extends string> = Record<L, string>;

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** One metric family: its series keyed by their label values, rendered in the text format. */
abstract class Family<L extends string, S> {
  protected readonly series = new Map<string, { labels: LabelValues<L>; state: S }>();

  constructor(
    readonly name: string,
    readonly help: string,
    protected readonly labelNames: readonly L[],
  ) {
    if (!METRIC_NAME.test(name)) throw new Error(`invalid metric name ${name}`);
    for (const l of labelNames) if (!LABEL_NAME.test(l) || l.startsWith('__') || l === 'le') throw new Error(`invalid label name ${l}`);
  }

  protected abstract fresh(): S;

  protected seriesOf(labels: LabelValues<L>): S {
    const key = this.labelNames.map((l) => labels[l]).join('\u0000');
    let entry = this.series.get(key);
    if (!entry) {
      entry = { labels: { ...labels }, state: this.fresh() };
      this.series.set(key, entry);
    }
    return entry.state;
  }

  protected pairs(labels: LabelValues<L>): [string, string][] {
    return this.labelNames.map((l) => [l, labels[l]]);
  }

  // Sorted by label values, so a scrape reads the same whatever order the series appeared in.
  protected sorted(): { labels: LabelValues<L>; state: S }[] {
    return [...this.series.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, e]) => e);
  }

  abstract render(): string;
}

/** A monotonically increasing count per label set. */
export class Counter<L extends string = never> extends Family<L, { value: number }> {
  protected fresh() {
    return { value: 0 };
  }

  /** Adds `by` (default 1; never negative) to the series of `labels`. */
  inc(labels: LabelValues<L>, by = 1): void {
    if (by < 0) throw new RangeError('a counter only goes up');
    this.seriesOf(labels).value += by;
  }

  /** The current count of one series (0 when it never moved). */
  value(labels: LabelValues<L>): number {
    return this.seriesOf(labels).value;
  }

  render(): string {
    // A counter without labels reads 0 before its first increment, so a rate() over it starts at once.
    if (this.labelNames.length === 0) this.seriesOf({} as LabelValues<L>);
    const lines = this.sorted().map((e) => `${this.name}${formatLabels(this.pairs(e.labels))} ${formatValue(e.state.value)}\n`);
    return familyHeader(this.name, this.help, 'counter') + lines.join('');
  }
}

/** A value per label set that goes up and down; `collect` can supply all series at scrape time instead. */
export class Gauge<L extends string = never> extends Family<L, { value: number }> {
  private collector: (() => [LabelValues<L>, number][]) | undefined;

  protected fresh() {
    return { value: 0 };
  }

  set(labels: LabelValues<L>, value: number): void {
    this.seriesOf(labels).value = value;
  }

  /** Replaces stored series with what `fn` reports at each scrape (for state owned elsewhere, like a breaker). */
  collect(fn: () => [LabelValues<L>, number][]): void {
    this.collector = fn;
  }

  render(): string {
    if (this.collector) {
      this.series.clear();
      for (const [labels, value] of this.collector()) this.set(labels, value);
    }
    const lines = this.sorted().map((e) => `${this.name}${formatLabels(this.pairs(e.labels))} ${formatValue(e.state.value)}\n`);
    return familyHeader(this.name, this.help, 'gauge') + lines.join('');
  }
}

/** Default bucket bounds for durations in seconds, from 5 ms to 10 s. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

/** Observations per label set, counted into cumulative buckets with their sum and count. */
export class Histogram<L extends string = never> extends Family<L, { buckets: number[]; sum: number; count: number }> {
  constructor(
    name: string,
    help: string,
    labelNames: readonly L[],
    private readonly bounds: readonly number[] = DURATION_BUCKETS,
  ) {
    super(name, help, labelNames);
    for (let i = 1; i < bounds.length; i++) if (!((bounds[i] ?? 0) > (bounds[i - 1] ?? 0))) throw new Error('bucket bounds must increase');
  }

  protected fresh() {
    return { buckets: this.bounds.map(() => 0), sum: 0, count: 0 };
  }

  observe(labels: LabelValues<L>, value: number): void {
    const s = this.seriesOf(labels);
    // Each observation lands in its first bucket only; render() accumulates, which keeps observe() short.
    const i = this.bounds.findIndex((b) => value <= b);
    if (i >= 0) s.buckets[i] = (s.buckets[i] ?? 0) + 1;
    s.sum += value;
    s.count += 1;
  }

  /** How many observations one series holds. */
  count(labels: LabelValues<L>): number {
    return this.seriesOf(labels).count;
  }

  render(): string {
    let out = familyHeader(this.name, this.help, 'histogram');
    for (const { labels, state } of this.sorted()) {
      const pairs = this.pairs(labels);
      let cumulative = 0;
      this.bounds.forEach((bound, i) => {
        cumulative += state.buckets[i] ?? 0;
        out += `${this.name}_bucket${formatLabels([...pairs, ['le', formatValue(bound)]])} ${cumulative}\n`;
      });
      out += `${this.name}_bucket${formatLabels([...pairs, ['le', '+Inf']])} ${state.count}\n`;
      out += `${this.name}_sum${formatLabels(pairs)} ${formatValue(state.sum)}\n`;
      out += `${this.name}_count${formatLabels(pairs)} ${state.count}\n`;
    }
    return out;
  }
}

/** The metric families of one process, rendered together in registration order. */
export class Registry {
  private readonly families: Family<string, unknown>[] = [];

  private add<F extends Family<string, unknown>>(family: F): F {
    if (this.families.some((f) => f.name === family.name)) throw new Error(`metric ${family.name} registered twice`);
    this.families.push(family);
    return family;
  }

  counter<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return this.add(new Counter<L>(name, help, labelNames));
  }

  gauge<L extends string = never>(name: string, help: string, labelNames: readonly L[] = []): Gauge<L> {
    return this.add(new Gauge<L>(name, help, labelNames));
  }

  histogram<L extends string = never>(name: string, help: string, labelNames: readonly L[] = [], bounds?: readonly number[]): Histogram<L> {
    return this.add(new Histogram<L>(name, help, labelNames, bounds));
  }

  /** Every family in the text exposition format. */
  render(): string {
    return this.families.map((f) => f.render()).join('');
  }
}
