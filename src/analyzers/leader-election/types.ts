import type { Expr } from '../../facts/expr.js';
import type { RedisReceiver } from '../shared/redis-receiver.js';

/** A call that only runs while the lock is held. */
export interface GuardedCall {
  /** Callee as written, without `this.`: `scheduler.runDueJobs`. */
  name: string;
  line: number;
}

/**
 * A Redis command on a lock key: `acquire` (SET NX, SETNX), `renew`
 * (SET XX), `release` (DEL), `expire` (EXPIRE/PEXPIRE, a renewal when it
 * runs in a loop) or `script` (EVAL, read at build).
 */
export interface RedisLockOpFact {
  kind: 'redis-op';
  op: 'acquire' | 'renew' | 'release' | 'expire' | 'script';
  command: string;
  line: number;
  args: Expr[];
  receiver: RedisReceiver;
  /** Inside a timer callback, a function a timer calls, or a loop. */
  inLoop: boolean;
  /** Names around the call (function, variable, class), to tell a lock from a dedupe key. */
  hint: string;
  guards: GuardedCall[];
}

/** `redlock.using(...)`, `mutex.acquire()`, `lock.release()`, `warlock.lock(...)`. */
export interface LockLibraryCallFact {
  kind: 'lib-call';
  method: string;
  line: number;
  args: Expr[];
  receiver: RedisReceiver;
  guards: GuardedCall[];
}

/** A SQL text that takes or releases a Postgres advisory lock. */
export interface AdvisoryLockFact {
  kind: 'advisory';
  line: number;
  sql: Expr;
  params: Expr | null;
  release: boolean;
  guards: GuardedCall[];
}

export type LeaderElectionItem =
  RedisLockOpFact | LockLibraryCallFact | AdvisoryLockFact;
