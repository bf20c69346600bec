import type { Expr } from '../../facts/expr.js';

/** What in a handler's code keeps it from running on every instance. */
export interface GuardEvidence {
  guard: 'leader' | 'lock' | 'queue-unique';
  /** The call or condition as written, e.g. `redlock.acquire()`. */
  what: string;
  line: number;
}

/** One schedule as written in one file, before cross-file resolution. */
export interface RawSchedule {
  /** node-cron, cron, node-schedule, nestjs-schedule, set-interval, ... */
  kind: string;
  /** The cron pattern, interval or rule argument. */
  expression: Expr;
  /**
   * How `expression` reads: a cron pattern or rule, a delay in
   * milliseconds, a toad-scheduler interval object, or agenda's text.
   */
  form: 'cron' | 'interval-ms' | 'interval-object' | 'text';
  /** Handler, method or job name. */
  task: string;
  /** Names of what the handler runs, matched against leader-only functions. */
  runs: string[];
  /** Names of the functions the schedule is registered in. */
  enclosing: string[];
  /** Guard found in the handler or around the registration. */
  evidence?: GuardEvidence;
  /**
   * First and last lines of the handler and of the functions of this file
   * it calls, when they are visible.
   */
  handlerLines?: [number, number][];
  line: number;
}
