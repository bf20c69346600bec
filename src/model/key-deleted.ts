import type { RedisKey } from './types.js';

/** Commands that remove the whole key, not a member or a field of it. */
const KEY_DELETES = new Set(['del', 'unlink', 'getdel']);

/**
 * Whether the application removes the key itself (`DEL`, `UNLINK`,
 * `GETDEL` on the same key). Such a key has no TTL but a lifetime the code
 * ends, so it is not reported as growing without bound: one more key per
 * id, forever, is what a key nobody deletes does.
 */
export function deletedByApplication(key: RedisKey): boolean {
  return key.operations.some((op) => KEY_DELETES.has(op.toLowerCase()));
}
