import { lineOf } from '../../facts/line-of.js';
import type { CallExpression } from 'ts-morph';
import { Node } from 'ts-morph';
import { toExpr } from '../../facts/to-expr.js';
import type { AdapterFact } from './types.js';

/** socket.io adapters that carry broadcasts between instances over Redis. */
export const ADAPTER_MODULES = new Set([
  '@socket.io/redis-adapter',
  'socket.io-redis',
  '@socket.io/redis-streams-adapter',
]);

/**
 * The adapter a call creates. The channel name comes from an option with a
 * library default: `key` (`socket.io#...` channels) for the Redis adapter
 * and its legacy `socket.io-redis` form, `channelPrefix` for the sharded
 * adapter, `streamName` for the streams adapter.
 */
export function adapterFact(
  call: CallExpression,
  module: string,
  name: string | undefined,
): AdapterFact | undefined {
  const args = call.getArguments();
  const line = lineOf(call);
  if (module === '@socket.io/redis-streams-adapter') {
    return name === 'createAdapter'
      ? fact(line, args[1], 'streamName', '')
      : undefined;
  }
  if (module === 'socket.io-redis') {
    const options = args.find((arg) => Node.isObjectLiteralExpression(arg));
    return fact(line, options, 'key', '#*');
  }
  if (name === 'createShardedAdapter') {
    return fact(line, args[2], 'channelPrefix', '#*');
  }
  return name === 'createAdapter'
    ? fact(line, args[2], 'key', '#*')
    : undefined;
}

function fact(
  line: number,
  options: Node | undefined,
  option: AdapterFact['option'],
  suffix: string,
): AdapterFact {
  return {
    kind: 'adapter',
    line,
    options: options ? toExpr(options) : null,
    option,
    suffix,
  };
}
