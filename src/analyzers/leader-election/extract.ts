import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import type { ParsedFile } from '../../facts/parsed-file.js';
import { toExpr } from '../../facts/to-expr.js';
import { methodCall } from '../shared/call-shape.js';
import { receiverOf } from '../shared/redis-receiver.js';
import { setCondition } from '../shared/redis-ttl.js';
import { advisoryLockFacts } from './advisory-lock-facts.js';
import { guardsOf } from './find-guards.js';
import { functionName, runsInLoop, timerTargets } from './in-loop.js';
import { lockLibraryCalls } from './lock-library-calls.js';
import type { LeaderElectionItem, RedisLockOpFact } from './types.js';

const OPS: Record<string, RedisLockOpFact['op']> = {
  setnx: 'acquire',
  expire: 'expire',
  pexpire: 'expire',
  del: 'release',
  unlink: 'release',
  eval: 'script',
  evalsha: 'script',
};

/**
 * Lock operations of one file: Redis SET NX locks (kept only when the file
 * acquires one), lock libraries and Postgres advisory locks.
 */
export function extractLeaderElection(file: ParsedFile): LeaderElectionItem[] {
  // Timer targets are only needed once a lock command is seen.
  let targets: ReadonlySet<string> | undefined;
  const timers = () => (targets ??= timerTargets(file.calls));
  const ops = file.calls.flatMap((call) => redisLockOp(call, timers));
  const redisOps = ops.some((op) => op.op === 'acquire') ? ops : [];
  return [...redisOps, ...lockLibraryCalls(file), ...advisoryLockFacts(file)];
}

function redisLockOp(
  call: CallExpression,
  timers: () => ReadonlySet<string>,
): RedisLockOpFact[] {
  const shape = methodCall(call);
  if (!shape) {
    return [];
  }
  const command = shape.method.toLowerCase();
  if (command !== 'set' && !Object.hasOwn(OPS, command)) {
    return [];
  }
  const args = call.getArguments().map((arg) => toExpr(arg));
  const op = command === 'set' ? setOp(setCondition(args)) : OPS[command];
  if (op === undefined) {
    return [];
  }
  return [
    {
      kind: 'redis-op',
      op,
      command,
      line: lineOf(call),
      args,
      receiver: receiverOf(shape.receiver),
      inLoop: runsInLoop(call, timers()),
      hint: hintOf(call),
      guards: op === 'acquire' ? guardsOf(call) : [],
    },
  ];
}

function setOp(
  condition: 'NX' | 'XX' | undefined,
): RedisLockOpFact['op'] | undefined {
  if (condition === 'NX') {
    return 'acquire';
  }
  return condition === 'XX' ? 'renew' : undefined;
}

/** Names of the enclosing functions, class and assigned variable. */
function hintOf(call: Node): string {
  const names: string[] = [];
  for (const ancestor of call.getAncestors()) {
    const name = functionName(ancestor);
    if (name !== undefined) {
      names.push(name);
    }
    if (
      Node.isClassDeclaration(ancestor) ||
      Node.isVariableDeclaration(ancestor)
    ) {
      names.push(ancestor.getName() ?? '');
    }
  }
  return names.join(' ');
}
