import { deletedByApplication } from '../../model/key-deleted.js';
import type { RedisKey } from '../../model/types.js';

/**
 * A key the application writes, with a per-entity part and no expiry: one
 * more key for every new id, forever. A fixed key without a TTL is one key,
 * a key only read or deleted here is written elsewhere, and a key the
 * application deletes itself ends when the code says; none of them is
 * reported as unbounded growth.
 */
export function growsWithoutBound(key: RedisKey): boolean {
  return (
    key.lifetime === 'durable' &&
    key.ownedBy === undefined &&
    !key.ttl &&
    key.pattern.includes('{') &&
    key.sites.some((site) => site.role === 'write') &&
    !deletedByApplication(key)
  );
}
