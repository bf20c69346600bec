import type { Expr } from '../../facts/expr.js';
import { patternOf, propOf } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import type { OptionValue } from '../../model/types.js';
import type { FileItems } from '../types.js';
import { optionValue } from '../shared/option-value.js';
import { site } from '../shared/site.js';
import { LOCK_MODULES } from './lock-library-calls.js';
import type { LockTable } from './lock-table.js';
import type { LeaderElectionItem, LockLibraryCallFact } from './types.js';

/** What a lock-library object gives: the mechanism, and for a mutex its own key and TTL. */
interface LockObject {
  mechanism: 'redlock' | 'redis-semaphore' | 'warlock';
  key?: string;
  ttl?: OptionValue;
  renewed?: boolean;
}

const TAKES = new Set(['acquire', 'tryAcquire', 'using', 'lock']);

/**
 * Locks taken through redlock (`acquire`, `using`, `lock`), redis-semaphore
 * (`new Mutex(client, key, { lockTimeout })`) and warlock. `using` extends
 * the lock while its routine runs, and redis-semaphore refreshes unless
 * `refreshInterval` is 0, so both count as renewed. `extend()` and
 * `release()` on the object an acquire returned are tied back to it.
 */
export function addLibraryLocks(
  facts: FileItems<LeaderElectionItem>[],
  resolver: Resolver,
  table: LockTable,
): void {
  const taken = new Map<string, ReturnType<LockTable['entry']>>();
  const calls = facts.flatMap(({ file, items }) =>
    items.flatMap((fact) => (fact.kind === 'lib-call' ? [{ file, fact }] : [])),
  );
  for (const { file, fact } of calls.filter(({ fact }) =>
    TAKES.has(fact.method),
  )) {
    const lock = lockObject(resolver.resolve(fact.receiver.expr, file), file);
    const key = lock?.key ?? keyOf(fact, file, resolver);
    if (!lock || key === undefined) {
      continue;
    }
    const draft = table.entry(lock.mechanism, key);
    draft.ttl ??= lock.ttl ?? ttlArgument(fact, file, resolver);
    draft.renewed ||= lock.renewed ?? fact.method === 'using';
    table.acquired(draft, file, fact.line, fact.guards);
    taken.set(`${file}:${fact.line}`, draft);
  }
  for (const { file, fact } of calls.filter(
    ({ fact }) => !TAKES.has(fact.method),
  )) {
    const receiver = fact.receiver.expr;
    const lock = lockObject(resolver.resolve(receiver, file), file);
    const draft =
      lock?.key !== undefined
        ? table.find(lock.mechanism, lock.key)
        : taken.get(`${file}:${receiver.line}`);
    if (draft) {
      const renews = fact.method === 'extend';
      draft.sites.push(site(file, fact.line, renews ? 'renew' : 'release'));
      draft.renewed ||= renews;
    }
  }
}

function lockObject(value: Expr, file: string): LockObject | undefined {
  if ((value.k !== 'new' && value.k !== 'call') || value.callee.k !== 'ext') {
    return undefined;
  }
  const module = value.callee.module;
  if (!LOCK_MODULES.has(module)) {
    return undefined;
  }
  if (module.includes('warlock')) {
    return value.k === 'call' ? { mechanism: 'warlock' } : undefined;
  }
  if (module !== 'redis-semaphore') {
    return value.k === 'new' ? { mechanism: 'redlock' } : undefined;
  }
  const key = value.args[1];
  const options = value.args.findLast((arg) => arg.k === 'obj');
  const timeout = propOf(options, 'lockTimeout');
  const refresh = propOf(options, 'refreshInterval');
  return {
    mechanism: 'redis-semaphore',
    ...(key ? { key: patternOf(key) } : {}),
    ...(timeout ? { ttl: optionValue(timeout, file) } : {}),
    renewed: !(refresh?.k === 'lit' && refresh.v === 0),
  };
}

/** `acquire(['a', 'b'], ttl)` locks both resources; the key lists them. */
function keyOf(
  fact: LockLibraryCallFact,
  file: string,
  resolver: Resolver,
): string | undefined {
  const first = fact.args[0];
  if (!first) {
    return undefined;
  }
  const value = resolver.resolve(first, file);
  const items = value.k === 'arr' ? value.items : [value];
  return items.map((item) => patternOf(item)).join(', ');
}

function ttlArgument(
  fact: LockLibraryCallFact,
  file: string,
  resolver: Resolver,
): OptionValue | undefined {
  const ttl = fact.args[1];
  return ttl ? optionValue(resolver.resolve(ttl, file), file) : undefined;
}
