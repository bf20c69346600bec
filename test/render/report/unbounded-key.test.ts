import type { RedisKey } from '../../../src/model/types.js';
import { growsWithoutBound } from '../../../src/render/report/unbounded-key.js';

function key(pattern: string, operations: string[]): RedisKey {
  return {
    pattern,
    operations,
    lifetime: 'durable',
    sites: [{ file: 'src/a.ts', line: 3, role: 'write' }],
  };
}

describe('growsWithoutBound', () => {
  it.each([
    ['a per-id key written with no TTL', key('seen:{id}', ['set']), true],
    ['a fixed key', key('prices', ['set']), false],
    ['a per-id key the code deletes', key('seen:{id}', ['del', 'set']), false],
    [
      'a per-id key read with GETDEL',
      key('seen:{id}', ['getdel', 'set']),
      false,
    ],
    ['a hash losing fields only', key('seen:{id}', ['hdel', 'hset']), true],
  ])('%s', (_label, redisKey, expected) => {
    expect(growsWithoutBound(redisKey)).toBe(expected);
  });
});
