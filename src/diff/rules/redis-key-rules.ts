import { deletedByApplication } from '../../model/key-deleted.js';
import { keyShape } from '../../model/key-shape.js';
import type { RedisKey } from '../../model/types.js';
import type { Matched } from '../match-by-identity.js';
import { matchByIdentity } from '../match-by-identity.js';
import { displayOption } from '../option-text.js';
import { primarySite } from '../queue-view.js';
import type { DiffContext, DiffRule, FindingDraft } from './types.js';
import { at } from './types.js';

/** Commands that create or grow a key. */
const WRITE_OPERATIONS = new Set([
  'set',
  'setnx',
  'setex',
  'psetex',
  'getset',
  'mset',
  'msetnx',
  'append',
  'incr',
  'incrby',
  'incrbyfloat',
  'decr',
  'decrby',
  'setrange',
  'setbit',
  'hset',
  'hsetnx',
  'hmset',
  'hincrby',
  'hincrbyfloat',
  'lpush',
  'rpush',
  'lpushx',
  'rpushx',
  'linsert',
  'lset',
  'rpoplpush',
  'lmove',
  'sadd',
  'smove',
  'sunionstore',
  'sinterstore',
  'sdiffstore',
  'zadd',
  'zincrby',
  'zunionstore',
  'zinterstore',
  'zrangestore',
  'xadd',
  'pfadd',
  'pfmerge',
  'geoadd',
  'bitfield',
  'copy',
  'json.set',
]);

export function writesKey(key: RedisKey): boolean {
  return key.operations.some((op) => WRITE_OPERATIONS.has(op.toLowerCase()));
}

/** Keys the application owns; queue libraries' own keys are the queue rules' business. */
function appKeys(context: DiffContext): Matched<RedisKey> {
  const own = (keys: RedisKey[]): RedisKey[] =>
    keys.filter((key) => key.ownedBy === undefined);
  const base = own(context.base.redisKeys);
  return matchByIdentity(base, own(context.head.redisKeys), (key) =>
    keyShape(key.pattern),
  );
}

function draft(
  key: RedisKey,
  side: 'base' | 'head',
): Omit<FindingDraft, 'message' | 'why'> {
  return {
    subject: { kind: 'redis-key', name: key.pattern },
    identity: keyShape(key.pattern),
    ...at(primarySite(key.sites), side),
  };
}

export const redisKeyAdded: DiffRule = {
  id: 'redis-key-added',
  severity: 'info',
  summary: 'The application uses a new Redis key pattern.',
  detect: (context) =>
    appKeys(context).added.map((key) => ({
      ...draft(key, 'head'),
      message: `Redis key \`${key.pattern}\` is new (${key.operations.join(', ')}).`,
      why: 'Every key pattern is memory to budget and data to migrate or expire later.',
    })),
};

export const redisKeyRemoved: DiffRule = {
  id: 'redis-key-removed',
  severity: 'info',
  summary: 'A Redis key pattern is no longer used.',
  detect: (context) =>
    appKeys(context).removed.map((key) => ({
      ...draft(key, 'base'),
      message: `Redis key \`${key.pattern}\` is no longer used.`,
      why:
        'Keys already written stay in Redis until they expire or are deleted; ' +
        'durable ones need a cleanup, and old replicas still read them mid-deploy.',
    })),
};

const noTtlWhy =
  'Without a TTL every distinct key stays in Redis forever, so memory grows ' +
  'with traffic until Redis evicts other data or refuses writes.';

/** Written with no expiry, and never deleted by the application either. */
function unbounded(key: RedisKey): boolean {
  return (
    writesKey(key) &&
    key.lifetime === 'durable' &&
    key.ttl === undefined &&
    !deletedByApplication(key)
  );
}

export const redisKeyNoTtl: DiffRule = {
  id: 'redis-key-no-ttl',
  severity: 'warning',
  summary: 'A new key pattern is written without a TTL, or a key lost its TTL.',
  detect: (context) => {
    const keys = appKeys(context);
    const fresh = keys.added.filter(unbounded).map((key) => ({
      ...draft(key, 'head'),
      detail: 'new',
      message: `Redis key \`${key.pattern}\` is written with no TTL.`,
      why: noTtlWhy,
    }));
    const lost = keys.kept
      .filter(
        ({ base, head }) => base.lifetime === 'ephemeral' && unbounded(head),
      )
      .map(({ base, head }) => ({
        ...draft(head, 'head'),
        detail: 'lost',
        message: `Redis key \`${head.pattern}\` lost its TTL (was ${displayOption(base.ttl)}).`,
        why: noTtlWhy,
        before: displayOption(base.ttl),
        after: 'none',
      }));
    return [...fresh, ...lost];
  },
};
