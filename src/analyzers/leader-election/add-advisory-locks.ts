import { patternOf } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import type { FileItems } from '../types.js';
import { site } from '../shared/site.js';
import type { LockTable } from './lock-table.js';
import type { AdvisoryLockFact, LeaderElectionItem } from './types.js';

const LOCK_CALL =
  /pg_(?:try_)?advisory_(?:xact_)?(?:un)?lock(?:_shared)?\s*\(\s*([^)]*?)\s*\)/i;

/**
 * Postgres advisory locks, keyed by the lock id as written in the SQL, or
 * by the query parameter it names (`$1`, `?`). They live as long as the
 * session or transaction, so they have no TTL and need no renewal.
 */
export function addAdvisoryLocks(
  facts: FileItems<LeaderElectionItem>[],
  resolver: Resolver,
  table: LockTable,
): void {
  const ordered = facts.flatMap(({ file, items }) =>
    items.flatMap((fact) => (fact.kind === 'advisory' ? [{ file, fact }] : [])),
  );
  // Acquires first, so a release finds the entry its acquire made.
  ordered.sort((a, b) => Number(a.fact.release) - Number(b.fact.release));
  for (const { file, fact } of ordered) {
    const key = lockId(fact, file, resolver);
    if (key === undefined) {
      continue;
    }
    if (!fact.release) {
      table.acquired(
        table.entry('advisory-lock', key),
        file,
        fact.line,
        fact.guards,
      );
    } else {
      table
        .find('advisory-lock', key)
        ?.sites.push(site(file, fact.line, 'release'));
    }
  }
}

function lockId(
  fact: AdvisoryLockFact,
  file: string,
  resolver: Resolver,
): string | undefined {
  const written = LOCK_CALL.exec(
    patternOf(resolver.resolve(fact.sql, file)),
  )?.[1];
  if (written === undefined) {
    return undefined;
  }
  const placeholder = /^\$(\d+)$/.exec(written);
  const index = placeholder
    ? Number(placeholder[1]) - 1
    : written === '?'
      ? 0
      : undefined;
  if (index === undefined) {
    return written;
  }
  const params = fact.params ? resolver.resolve(fact.params, file) : undefined;
  const param = params?.k === 'arr' ? params.items[index] : undefined;
  return param ? patternOf(param) : written;
}
