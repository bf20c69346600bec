import { Node } from 'ts-morph';
import type { Block, CallExpression, CatchClause, Statement } from 'ts-morph';
import type { LocalFunction } from '../shared/local-function.js';
import { localFunction } from '../shared/local-function.js';

/** Calls that fail the job or message, so the queue's retry policy applies. */
const FAIL_METHODS = new Set(['moveToFailed', 'nack', 'reject', 'exit']);
/** Calls that only record: a statement made of these does no work. */
const RECORD_METHODS = new Set([
  'log',
  'info',
  'debug',
  'warn',
  'error',
  'trace',
  'fatal',
  'verbose',
  'captureException',
  'captureMessage',
  'now',
  'parse',
  'stringify',
]);

/**
 * The catch clause of a processor that wraps all of its work in one
 * try/catch and never fails the job from it: no `throw`, no
 * `moveToFailed`, `nack`, `reject`, `done(err)`, and no helper of this file
 * that throws. `failCallbacks` names callback parameters (`done`) whose call
 * with an error fails the job.
 */
export function swallowingCatch(
  fn: LocalFunction,
  failCallbacks: readonly string[] = [],
): CatchClause | undefined {
  const body = fn.getBody();
  if (!body || !Node.isBlock(body)) {
    return undefined;
  }
  const statements = body.getStatements();
  const tries = statements.filter(
    (s) => Node.isTryStatement(s) && s.getCatchClause(),
  );
  const only = tries.length === 1 ? tries[0] : undefined;
  if (!only || !Node.isTryStatement(only) || !doesWork(only.getTryBlock())) {
    return undefined;
  }
  if (!statements.every((s) => s === only || doesNoWork(s))) {
    return undefined;
  }
  const clause = only.getCatchClause();
  return clause && !failsJob(clause.getBlock(), failCallbacks, true)
    ? clause
    : undefined;
}

function doesWork(block: Block): boolean {
  return block
    .getDescendants()
    .some((d) => Node.isAwaitExpression(d) || Node.isCallExpression(d));
}

/** Setup before the try or a plain return after it: no awaits, throws or work calls. */
function doesNoWork(statement: Statement): boolean {
  return statement.getDescendants().every((d) => {
    if (Node.isAwaitExpression(d) || Node.isThrowStatement(d)) {
      return false;
    }
    return !Node.isCallExpression(d) || RECORD_METHODS.has(methodName(d));
  });
}

/** Whether `block` fails the job; helpers of this file are read one level deep. */
export function failsJob(
  block: Node,
  failCallbacks: readonly string[],
  followHelpers: boolean,
): boolean {
  return block.getDescendants().some((node) => {
    if (Node.isThrowStatement(node)) {
      return true;
    }
    if (!Node.isCallExpression(node)) {
      return false;
    }
    if (FAIL_METHODS.has(methodName(node))) {
      return true;
    }
    const callee = node.getExpression();
    const first = node.getArguments()[0];
    if (Node.isIdentifier(callee) && failCallbacks.includes(callee.getText())) {
      return first !== undefined && !/^(null|undefined)$/.test(first.getText());
    }
    const helper = followHelpers ? localFunction(callee) : undefined;
    const helperBody = helper?.getBody();
    return helperBody !== undefined && failsJob(helperBody, [], false);
  });
}

export function methodName(call: CallExpression): string {
  const callee = call.getExpression();
  if (Node.isPropertyAccessExpression(callee)) {
    return callee.getName();
  }
  return Node.isIdentifier(callee) ? callee.getText() : '';
}
