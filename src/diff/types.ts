import type { ArchitectureModel } from '../model/types.js';

export type Severity = 'info' | 'warning' | 'error';

/**
 * What a finding is about, so renderers can mark it: `kind` is one of
 * queue, redis-key, channel, schedule, leader-election, shutdown, resource,
 * failure-handling, push-path; `name` is the queue name, key pattern,
 * channel, ... as shown to the reader.
 */
export interface FindingSubject {
  kind: string;
  name: string;
}

/** One thing a pull request does to the architecture. */
export interface Finding {
  /** Stable rule id, e.g. `queue-added`, `retry-changed`. */
  rule: string;
  severity: Severity;
  /** One sentence naming the queue, key or channel; a changed value shows old and new. */
  message: string;
  /** The operational consequence, for the reviewer. */
  why: string;
  /** In the head, or in the base for removals. */
  file: string;
  line: number;
  /** Which side `file` and `line` refer to. */
  side: 'base' | 'head';
  /**
   * Stable across unrelated edits, line shifts, file moves and option
   * reordering: rule + subject (queue name, key pattern, channel) + detail.
   */
  fingerprint: string;
  /** For changed values. */
  before?: string;
  after?: string;
  /** The queue, key, channel, ... the finding is about. */
  subject?: FindingSubject;
}

/** Counts of a model, for JSON output and the comment headline. */
export interface ModelSummary {
  queues: number;
  processes: number;
  redisKeys: number;
  pubsub: number;
  leaderElection: number;
  schedules: number;
  shutdown: number;
  failureHandling: number;
  pushPaths: number;
}

export interface DiffResult {
  findings: Finding[];
  base: ModelSummary;
  head: ModelSummary;
  /** The models themselves, for renderers (not part of the JSON output). */
  baseModel: ArchitectureModel;
  headModel: ArchitectureModel;
}
