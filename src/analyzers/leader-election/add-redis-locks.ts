import { keyShape } from '../../model/key-shape.js';
import { patternOf, stringOf } from '../../facts/expr.js';
import type { Expr } from '../../facts/expr.js';
import type { ArchitectureModel } from '../../model/types.js';
import type { BuildContext } from '../types.js';
import { optionValue } from '../shared/option-value.js';
import type { RedisClientIndex } from '../shared/redis-client-index.js';
import { keyArgs } from '../shared/redis-commands.js';
import { ttlOf } from '../shared/redis-ttl.js';
import { site } from '../shared/site.js';
import type { LockTable } from './lock-table.js';
import type { LeaderElectionItem, RedisLockOpFact } from './types.js';

/** Words that tell a lock key from a dedupe or rate-limit key taken with NX. */
const LOCK_WORDS =
  /lock|leader|mutex|elect|master|primary|owner|singleton|semaphore/i;

interface ResolvedOp {
  file: string;
  fact: RedisLockOpFact;
  args: Expr[];
  keys: string[];
}

/**
 * SET NX locks on Redis clients. A key counts as a lock when its pattern or
 * the names around the SET say so. Other commands on that key renew
 * (EXPIRE in a loop, SET XX, a Lua script that expires) or release it (DEL,
 * a Lua script that deletes).
 */
export function addRedisLocks(
  context: BuildContext<LeaderElectionItem>,
  index: RedisClientIndex,
  table: LockTable,
): void {
  const ops = resolvedOps(context, index);
  for (const op of ops.filter(({ fact }) => fact.op === 'acquire')) {
    const key = op.keys[0];
    if (
      key === undefined ||
      !(LOCK_WORDS.test(key) || LOCK_WORDS.test(op.fact.hint))
    ) {
      continue;
    }
    const draft = table.entry('redis-lock', key);
    draft.ttl ??= ttlOfAcquire(op, context.model);
    table.acquired(draft, op.file, op.fact.line, op.fact.guards);
  }
  for (const op of ops.filter(({ fact }) => fact.op !== 'acquire')) {
    for (const key of op.keys) {
      const draft = table.find('redis-lock', key);
      const role = draft ? roleOf(op) : undefined;
      if (draft && role) {
        draft.sites.push(site(op.file, op.fact.line, role));
        draft.renewed ||= role === 'renew' && op.fact.inLoop;
      }
    }
  }
}

function resolvedOps(
  context: BuildContext<LeaderElectionItem>,
  index: RedisClientIndex,
): ResolvedOp[] {
  const ops: ResolvedOp[] = [];
  for (const { file, items } of context.facts) {
    for (const fact of items) {
      if (fact.kind !== 'redis-op' || !index.identify(fact.receiver, file)) {
        continue;
      }
      const args = fact.args.map((arg) => context.resolver.resolve(arg, file));
      const keys = keyArgs(fact.command, args).map((key) => patternOf(key));
      ops.push({ file, fact, args, keys });
    }
  }
  return ops;
}

/** SET's own EX/PX, or for SETNX the TTL the redis-keys analyzer found on the key. */
function ttlOfAcquire(op: ResolvedOp, model: Readonly<ArchitectureModel>) {
  const ttl = ttlOf(op.fact.command, op.args);
  if (ttl) {
    return optionValue(ttl.expr, op.file);
  }
  const lock = op.keys[0];
  return lock === undefined
    ? undefined
    : model.redisKeys.find((key) => keyShape(key.pattern) === keyShape(lock))
        ?.ttl;
}

function roleOf(op: ResolvedOp): 'renew' | 'release' | undefined {
  switch (op.fact.op) {
    case 'renew':
      return 'renew';
    case 'release':
      return 'release';
    case 'expire':
      return op.fact.inLoop ? 'renew' : undefined;
    case 'script':
      return scriptRole(op.args[0]);
    default:
      return undefined;
  }
}

/** A Lua script that extends the key renews it; one that deletes it releases it. */
function scriptRole(script: Expr | undefined): 'renew' | 'release' | undefined {
  const text = stringOf(script) ?? '';
  if (/expire/i.test(text)) {
    return 'renew';
  }
  return /['"]del['"]/i.test(text) ? 'release' : undefined;
}
