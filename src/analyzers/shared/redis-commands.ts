import type { Expr } from '../../facts/expr.js';
import { propOf, stringOf } from '../../facts/expr.js';

/** What a command does to its key; the role of its site. */
export type CommandFamily = 'read' | 'write' | 'expire' | 'delete' | 'script';

/** Where a command's keys sit among its arguments. */
type KeyLayout =
  'first' | 'all' | 'pairs' | 'firstTwo' | 'allButLast' | 'script' | 'streams';

// prettier-ignore
const TABLE: Record<CommandFamily, Partial<Record<KeyLayout, string[]>>> = {
  read: {
    first: [
      'get', 'getrange', 'strlen', 'ttl', 'pttl', 'type', 'hget', 'hgetall', 'hmget',
      'hexists', 'hkeys', 'hvals', 'hlen', 'hscan', 'smembers', 'sismember', 'scard',
      'srandmember', 'sscan', 'zrange', 'zrangebyscore', 'zrevrange', 'zrevrangebyscore',
      'zscore', 'zrank', 'zrevrank', 'zcard', 'zcount', 'zscan', 'lrange', 'llen', 'lindex',
      'xrange', 'xrevrange', 'xlen', 'pfcount', 'getbit', 'bitcount',
    ],
    all: ['mget', 'exists'],
    streams: ['xread', 'xreadgroup'],
  },
  write: {
    first: [
      'set', 'setex', 'psetex', 'setnx', 'getset', 'append', 'setrange', 'incr', 'incrby',
      'incrbyfloat', 'decr', 'decrby', 'hset', 'hmset', 'hsetnx', 'hincrby', 'hincrbyfloat',
      'sadd', 'zadd', 'zincrby', 'lpush', 'rpush', 'lpushx', 'rpushx', 'linsert', 'lset',
      'xadd', 'pfadd', 'setbit', 'xgroup',
    ],
    pairs: ['mset', 'msetnx'],
    firstTwo: ['rename', 'rpoplpush', 'lmove', 'smove'],
  },
  expire: { first: ['expire', 'pexpire', 'expireat', 'pexpireat', 'persist'] },
  delete: {
    first: [
      'getdel', 'hdel', 'srem', 'spop', 'zrem', 'zremrangebyscore', 'zremrangebyrank',
      'zpopmin', 'zpopmax', 'lpop', 'rpop', 'lrem', 'ltrim', 'xdel', 'xtrim', 'xack',
    ],
    all: ['del', 'unlink'],
    allButLast: ['blpop', 'brpop', 'bzpopmin', 'bzpopmax'],
  },
  script: { script: ['eval', 'evalsha'] },
};

interface CommandInfo {
  family: CommandFamily;
  layout: KeyLayout;
}

const COMMANDS = new Map<string, CommandInfo>();
for (const [family, layouts] of Object.entries(TABLE) as [
  CommandFamily,
  typeof TABLE.read,
][]) {
  for (const [layout, names] of Object.entries(layouts) as [
    KeyLayout,
    string[],
  ][]) {
    for (const name of names) {
      COMMANDS.set(name, { family, layout });
    }
  }
}

/**
 * The canonical lower-case command a method name calls, for both ioredis
 * (`hgetall`) and node-redis (`hGetAll`) spellings; undefined for methods
 * that take no key or are not Redis commands.
 */
export function redisCommandOf(method: string): string | undefined {
  const name = method.toLowerCase();
  return COMMANDS.has(name) ? name : undefined;
}

export function commandFamily(command: string): CommandFamily | undefined {
  return COMMANDS.get(command)?.family;
}

/** The key arguments of a command call, as written (unresolved or resolved). */
export function keyArgs(command: string, args: readonly Expr[]): Expr[] {
  const layout = COMMANDS.get(command)?.layout;
  switch (layout) {
    case 'first':
      return spreadArray(args.slice(0, 1)).slice(0, 1);
    case 'firstTwo':
      return args.slice(0, 2);
    case 'all':
      return spreadArray(args);
    case 'allButLast':
      return spreadArray(args.slice(0, -1));
    case 'pairs':
      return pairKeys(args);
    case 'script':
      return scriptKeys(args);
    case 'streams':
      return streamKeys(args);
    default:
      return [];
  }
}

/** `del([a, b])` and `del(a, b)` name the same keys. */
function spreadArray(args: readonly Expr[]): Expr[] {
  return args.flatMap((arg) => (arg.k === 'arr' ? arg.items : [arg]));
}

/** `mset(k1, v1, k2, v2)`, `mSet([[k, v]])` or `mSet({ k: v })`. */
function pairKeys(args: readonly Expr[]): Expr[] {
  const first = args[0];
  if (args.length === 1 && first?.k === 'obj') {
    return first.props.map(([name]) => ({
      k: 'lit',
      v: name,
      text: name,
      line: first.line,
    }));
  }
  if (args.length === 1 && first?.k === 'arr') {
    return first.items.flatMap((pair) =>
      pair.k === 'arr' && pair.items[0] ? [pair.items[0]] : [],
    );
  }
  return args.filter((_, i) => i % 2 === 0);
}

/** ioredis `eval(script, numKeys, ...keys)`; node-redis `eval(script, { keys })`. */
function scriptKeys(args: readonly Expr[]): Expr[] {
  const second = args[1];
  if (second?.k === 'obj') {
    const keys = propOf(second, 'keys');
    return keys?.k === 'arr' ? keys.items : [];
  }
  const count =
    second?.k === 'lit' && typeof second.v === 'number' ? second.v : 0;
  return args.slice(2, 2 + count);
}

/** `xread('COUNT', 10, 'STREAMS', key, id)` or node-redis `xRead({ key, id })`. */
function streamKeys(args: readonly Expr[]): Expr[] {
  const marker = args.findIndex(
    (arg) => stringOf(arg)?.toUpperCase() === 'STREAMS',
  );
  if (marker >= 0) {
    const rest = args.slice(marker + 1);
    return rest.slice(0, Math.floor(rest.length / 2));
  }
  const specs = args.flatMap((arg) => (arg.k === 'arr' ? arg.items : [arg]));
  return specs.flatMap((spec) => {
    const key = propOf(spec, 'key');
    return key ? [key] : [];
  });
}
