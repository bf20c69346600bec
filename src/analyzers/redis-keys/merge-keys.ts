import { keyShape } from '../../model/key-shape.js';
import type { RedisKey } from '../../model/types.js';
import { uniqueSites } from '../shared/site.js';
import type { KeyOccurrence } from './key-occurrences.js';

/**
 * One `RedisKey` per key (its fixed text, see `keyShape`) and client
 * prefix, named after its first site's pattern. A key is ephemeral
 * when some call gives it an expiry and every write is covered: either an
 * `expire` on the same pattern exists anywhere, or each write sets its own
 * TTL. A key that is only read and never expired stays durable.
 */
export function mergeKeys(occurrences: KeyOccurrence[]): RedisKey[] {
  const groups = new Map<string, KeyOccurrence[]>();
  for (const occurrence of occurrences) {
    const prefix = occurrence.keyPrefix?.text ?? '';
    const id = `${prefix}\0${keyShape(occurrence.pattern)}`;
    groups.set(id, [...(groups.get(id) ?? []), occurrence]);
  }
  const keys = [...groups.values()].map(toRedisKey);
  return keys.sort(
    (a, b) =>
      a.pattern.localeCompare(b.pattern) ||
      (a.keyPrefix?.text ?? '').localeCompare(b.keyPrefix?.text ?? ''),
  );
}

function toRedisKey(group: KeyOccurrence[]): RedisKey {
  const ordered = [...group].sort(
    (a, b) =>
      a.site.file.localeCompare(b.site.file) || a.site.line - b.site.line,
  );
  const first = ordered[0]!;
  const withTtl = ordered.find((occurrence) => occurrence.ttl);
  const key: RedisKey = {
    pattern: first.pattern,
    operations: [
      ...new Set(group.map((occurrence) => occurrence.command)),
    ].sort(),
    lifetime: lifetimeOf(group),
    sites: uniqueSites(group.map((occurrence) => occurrence.site)),
  };
  if (withTtl?.ttl) {
    key.ttl = withTtl.ttl.value;
    key.ttlUnit = withTtl.ttl.unit;
  }
  if (first.keyPrefix) {
    key.keyPrefix = first.keyPrefix;
  }
  return key;
}

function lifetimeOf(group: KeyOccurrence[]): RedisKey['lifetime'] {
  if (!group.some((occurrence) => occurrence.expires)) {
    return 'durable';
  }
  const expiredLater = group.some((o) => o.family === 'expire' && o.expires);
  const writes = group.filter((occurrence) => occurrence.family === 'write');
  return expiredLater || writes.every((write) => write.expires)
    ? 'ephemeral'
    : 'durable';
}
