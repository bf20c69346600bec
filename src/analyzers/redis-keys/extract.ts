import { lineOf } from '../../facts/line-of.js';
import type { ParsedFile } from '../../facts/parsed-file.js';
import { toExpr } from '../../facts/to-expr.js';
import { methodCall } from '../shared/call-shape.js';
import { extractClientFacts } from '../shared/redis-client-facts.js';
import { redisCommandOf } from '../shared/redis-commands.js';
import { receiverOf } from '../shared/redis-receiver.js';
import type { CommandFact, RedisKeysItem } from './types.js';

/**
 * Clients and keyed command calls of one file. Whether a receiver really is
 * a Redis client is decided at build, across files: here every `x.get(...)`
 * is a candidate.
 */
export function extractRedisKeys(file: ParsedFile): RedisKeysItem[] {
  const commands = file.calls.flatMap((call): CommandFact[] => {
    const shape = methodCall(call);
    const command = shape ? redisCommandOf(shape.method) : undefined;
    if (!shape || command === undefined) {
      return [];
    }
    return [
      {
        kind: 'command',
        command,
        line: lineOf(call),
        args: call.getArguments().map((arg) => toExpr(arg)),
        receiver: receiverOf(shape.receiver),
      },
    ];
  });
  return [...extractClientFacts(file), ...commands];
}
