import { getHeapStatistics } from 'node:v8';
import type { BudgetExceeded } from '../model/types.js';

/** How much one analysis may spend before it stops parsing and reports what it has. */
export interface AnalysisBudget {
  /** Wall time from the start of the analysis, in milliseconds. Default 600,000 (10 minutes). */
  wallTimeMs: number;
  /**
   * Heap in use by the process, in bytes. It is the whole process's heap,
   * so concurrent analyses share it. Default 85% of V8's heap limit.
   */
  heapBytes: number;
}

export function defaultAnalysisBudget(): AnalysisBudget {
  return {
    wallTimeMs: 10 * 60_000,
    heapBytes: Math.floor(getHeapStatistics().heap_size_limit * 0.85),
  };
}

/**
 * Checked between files. Once a budget has run out it stays out, so the
 * rest of the analysis skips parsing without asking again.
 */
export class BudgetGuard {
  private exceeded: Omit<BudgetExceeded, 'filesNotParsed'> | undefined;
  private readonly notParsed = new Set<string>();

  private readonly started: number;
  private readonly now: () => number;
  private readonly heapUsed: () => number;

  /** `probes` replace the clock (ms) and the heap reading (bytes) in tests. */
  constructor(
    private readonly budget: AnalysisBudget,
    probes: {
      started?: number;
      now?: () => number;
      heapUsed?: () => number;
    } = {},
  ) {
    this.now = probes.now ?? (() => performance.now());
    this.started = probes.started ?? this.now();
    this.heapUsed =
      probes.heapUsed ?? (() => getHeapStatistics().used_heap_size);
  }

  /** True when parsing `path` is still within budget; remembers the files refused. */
  allows(path: string): boolean {
    this.exceeded ??= this.check();
    if (this.exceeded) {
      this.notParsed.add(path);
      return false;
    }
    return true;
  }

  /** The budget that ran out, if one did. */
  report(): BudgetExceeded | undefined {
    return (
      this.exceeded && { ...this.exceeded, filesNotParsed: this.notParsed.size }
    );
  }

  private check(): Omit<BudgetExceeded, 'filesNotParsed'> | undefined {
    if (this.now() - this.started > this.budget.wallTimeMs) {
      return { kind: 'wall-time', limit: this.budget.wallTimeMs };
    }
    if (this.heapUsed() > this.budget.heapBytes) {
      return { kind: 'heap', limit: this.budget.heapBytes };
    }
    return undefined;
  }
}
