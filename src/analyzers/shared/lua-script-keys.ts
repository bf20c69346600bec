import type { Expr } from '../../facts/expr.js';
import { propOf, stringOf } from '../../facts/expr.js';

/** What a Lua script does with one of its `KEYS[i]`. */
export interface ScriptKeyUse {
  writes: boolean;
  expires: boolean;
  /** The TTL argument: an `ARGV[n]` of the call, or a number in the script. */
  ttl?: { argv?: number; literal?: number; unit: 's' | 'ms' };
}

const WRITES =
  /^(set|setex|psetex|setnx|hset|hsetnx|hmset|hincrby|incr|incrby|decr|decrby|sadd|zadd|zincrby|lpush|rpush|xadd|append|pfadd)$/i;

/** `redis.call('CMD', KEYS[n], args...)`; arguments never hold a `)` in practice. */
const CALL =
  /redis\.p?call\(\s*['"](\w{1,20})['"]\s*,\s*KEYS\[(\d{1,3})\]([^)]{0,400})\)/g;

/**
 * Reads a script literal the way a reviewer would: which keys it writes,
 * and which it gives an expiry with `SET ... EX|PX` or `(P)EXPIRE`.
 */
export function scriptKeyUses(script: string): Map<number, ScriptKeyUse> {
  const uses = new Map<number, ScriptKeyUse>();
  for (const match of script.matchAll(CALL)) {
    const [, command = '', index = '0', rest = ''] = match;
    const use = uses.get(Number(index)) ?? { writes: false, expires: false };
    use.writes ||= WRITES.test(command);
    const ttl = ttlIn(command.toLowerCase(), rest);
    if (ttl) {
      use.expires = true;
      use.ttl = ttl;
    }
    uses.set(Number(index), use);
  }
  return uses;
}

function ttlIn(command: string, rest: string): ScriptKeyUse['ttl'] {
  const args = rest
    .split(',')
    .map((arg) => arg.trim())
    .filter(Boolean);
  let unit: 's' | 'ms' | undefined;
  let at = -1;
  if (command === 'expire' || command === 'pexpire') {
    unit = command === 'expire' ? 's' : 'ms';
    at = 0;
  } else if (command === 'set') {
    at = args.findIndex((arg) => /^['"](EX|PX)['"]$/i.test(arg));
    unit = at >= 0 && /PX/i.test(args[at] ?? '') ? 'ms' : 's';
    at = at >= 0 ? at + 1 : -1;
  }
  const value = at >= 0 ? args[at] : undefined;
  if (!value || !unit) {
    return undefined;
  }
  const argv = /^ARGV\[(\d{1,3})\]$/.exec(value);
  if (argv) {
    return { argv: Number(argv[1]), unit };
  }
  const literal = Number(value);
  return Number.isFinite(literal) ? { literal, unit } : undefined;
}

/** The script text and `ARGV` values of an `eval` call, when written out. */
export function scriptCall(
  args: readonly Expr[],
): { script: string; argv: (index: number) => Expr | undefined } | undefined {
  const script = stringOf(args[0]);
  if (script === undefined) {
    return undefined;
  }
  const second = args[1];
  if (second?.k === 'obj') {
    const list = propOf(second, 'arguments');
    return {
      script,
      argv: (i) => (list?.k === 'arr' ? list.items[i - 1] : undefined),
    };
  }
  const count =
    second?.k === 'lit' && typeof second.v === 'number' ? second.v : 0;
  return { script, argv: (i) => args[1 + count + i] };
}
