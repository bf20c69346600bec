import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import type { ParsedFile } from '../../facts/parsed-file.js';
import { toExpr } from '../../facts/to-expr.js';
import { methodCall } from '../shared/call-shape.js';
import { receiverOf } from '../shared/redis-receiver.js';
import { callsIn } from './calls-in.js';
import { guardsOf } from './find-guards.js';
import type { GuardedCall, LockLibraryCallFact } from './types.js';

/** Packages whose objects take, extend and release distributed locks. */
export const LOCK_MODULES = new Set([
  'redlock',
  '@sesamecare-oss/redlock',
  'node-redlock',
  'redis-semaphore',
  'warlock',
  'node-redis-warlock',
]);

const METHODS = new Set([
  'acquire',
  'tryAcquire',
  'using',
  'lock',
  'extend',
  'release',
  'unlock',
]);
const TAKES = new Set(['acquire', 'tryAcquire', 'using', 'lock']);

/**
 * Calls that may act on a lock library's objects. Whether the receiver is
 * one (a `new Redlock(...)`, a `new Mutex(...)`) is decided at build; a file
 * qualifies when it imports a lock package or a local module.
 */
export function lockLibraryCalls(file: ParsedFile): LockLibraryCallFact[] {
  if (
    !file.importsModule(
      (module) => LOCK_MODULES.has(module) || module.startsWith('.'),
    )
  ) {
    return [];
  }
  return file.calls.flatMap((call): LockLibraryCallFact[] => {
    const shape = methodCall(call);
    if (!shape || !METHODS.has(shape.method)) {
      return [];
    }
    return [
      {
        kind: 'lib-call',
        method: shape.method,
        line: lineOf(call),
        args: call.getArguments().map((arg) => toExpr(arg)),
        receiver: receiverOf(shape.receiver),
        guards: TAKES.has(shape.method) ? lockedCalls(call) : [],
      },
    ];
  });
}

/**
 * What runs under a lock: the body of a callback (`using(keys, ttl, fn)`,
 * warlock's `lock(key, ttl, cb)`), the branch that tests the result, or
 * else the statements after the acquire in its block.
 */
function lockedCalls(call: CallExpression): GuardedCall[] {
  const routine = call
    .getArguments()
    .findLast(
      (arg) => Node.isArrowFunction(arg) || Node.isFunctionExpression(arg),
    );
  if (
    routine &&
    (Node.isArrowFunction(routine) || Node.isFunctionExpression(routine))
  ) {
    const body = routine.getBody();
    return callsIn(Node.isBlock(body) ? body.getStatements() : [body]);
  }
  const tested = guardsOf(call);
  return tested.length > 0 ? tested : callsIn(followingStatements(call));
}

function followingStatements(node: Node): Node[] {
  const statement = node.getFirstAncestor((a) => {
    const parent = a.getParent();
    return parent !== undefined && Node.isBlock(parent);
  });
  const block = statement?.getParent();
  if (!statement || !block || !Node.isBlock(block)) {
    return [];
  }
  const statements = block.getStatements();
  return statements.slice(statements.findIndex((s) => s === statement) + 1);
}
