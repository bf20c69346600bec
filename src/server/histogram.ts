/** A Prometheus histogram: cumulative bucket counts, a sum and a count. */
export class Histogram {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;

  /** @param bounds upper bounds of the buckets, ascending; `+Inf` is implied. */
  constructor(private readonly bounds: readonly number[]) {
    this.counts = bounds.map(() => 0);
  }

  observe(value: number): void {
    this.sum += value;
    this.count++;
    this.bounds.forEach((bound, i) => {
      if (value <= bound) {
        this.counts[i] = (this.counts[i] ?? 0) + 1;
      }
    });
  }

  /** The `_bucket`, `_sum` and `_count` lines of the metric `name`. */
  lines(name: string): string[] {
    return [
      ...this.bounds.map(
        (bound, i) => `${name}_bucket{le="${bound}"} ${this.counts[i] ?? 0}`,
      ),
      `${name}_bucket{le="+Inf"} ${this.count}`,
      `${name}_sum ${this.sum}`,
      `${name}_count ${this.count}`,
    ];
  }
}
