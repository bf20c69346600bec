import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type { GuardedCall } from './types.js';

/** Calls that log, format or schedule: never what a lock protects. */
// prettier-ignore
const IGNORED_ROOTS = new Set([
  'console', 'logger', 'log', 'JSON', 'Math', 'Date', 'Object', 'Array', 'Promise', 'String',
  'Number', 'setTimeout', 'setInterval', 'clearTimeout', 'clearInterval',
]);
/** The lock's own bookkeeping calls. */
// prettier-ignore
const LOCK_METHODS = new Set([
  'set', 'setnx', 'setNX', 'expire', 'pexpire', 'pExpire', 'del', 'unlink', 'eval', 'evalsha',
  'extend', 'release', 'unlock', 'get',
]);

/** SQL that releases an advisory lock is bookkeeping too. */
const RELEASES = /advisory_unlock/i;

/** Calls in `body`, outermost only, as guards. */
export function callsIn(statements: Node[]): GuardedCall[] {
  const calls: GuardedCall[] = [];
  for (const statement of statements) {
    const found = [statement, ...statement.getDescendants()].filter((node) =>
      Node.isCallExpression(node),
    );
    for (const call of found) {
      if (
        !Node.isCallExpression(call) ||
        isNested(call, statement) ||
        RELEASES.test(call.getText())
      ) {
        continue;
      }
      const name = call
        .getExpression()
        .getText()
        .replace(/^this\./, '')
        .replace(/\s+/g, '');
      const method = name.split('.').at(-1) ?? name;
      if (
        !IGNORED_ROOTS.has(name.split('.')[0] ?? '') &&
        !LOCK_METHODS.has(method)
      ) {
        calls.push({ name, line: lineOf(call) });
      }
    }
  }
  return calls;
}

/** A call inside another call (argument or chain) or inside a nested function. */
function isNested(call: Node, statement: Node): boolean {
  for (const ancestor of call.getAncestors()) {
    if (ancestor === statement) {
      return false;
    }
    if (
      Node.isArrowFunction(ancestor) ||
      Node.isFunctionExpression(ancestor) ||
      Node.isCallExpression(ancestor)
    ) {
      return true;
    }
  }
  return false;
}
