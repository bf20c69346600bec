import { lineOf } from '../../facts/line-of.js';
import { Node, SyntaxKind } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { toExpr } from '../../facts/to-expr.js';
import type { LocalFunction } from '../shared/local-function.js';
import {
  calledLocalFunctions,
  localFunction,
} from '../shared/local-function.js';
import type { RawShutdownBody } from './types.js';
import { descendantsOfKind } from '../../facts/descendants.js';

/** Methods that release a worker, client, server or connection. */
const CLOSE_METHODS = new Set([
  'close',
  'quit',
  'disconnect',
  '$disconnect',
  'stop',
  'terminate',
  'end',
  'destroy',
  'shutdown',
  'drain',
]);

/**
 * What a shutdown function closes, its forced-exit deadline, and the
 * functions of other files it calls. Helpers declared in this file are
 * read one level deep.
 */
export function shutdownBody(fn: LocalFunction | undefined): RawShutdownBody {
  const body: RawShutdownBody = { closes: [], timeouts: [], calls: [] };
  if (!fn) {
    return body;
  }
  for (const part of [fn, ...calledLocalFunctions(fn)]) {
    for (const call of descendantsOfKind(part, SyntaxKind.CallExpression)) {
      readCall(call, body);
    }
  }
  return body;
}

function readCall(call: CallExpression, body: RawShutdownBody): void {
  const callee = call.getExpression();
  const line = lineOf(call);
  if (Node.isIdentifier(callee)) {
    const [first, ms] = call.getArguments();
    if (callee.getText() === 'setTimeout' && ms && exitsProcess(first)) {
      body.timeouts.push({ ms: toExpr(ms), line });
    } else if (!localFunction(callee) && callee.getText() !== 'setTimeout') {
      body.calls.push(toExpr(callee));
    }
    return;
  }
  if (
    !Node.isPropertyAccessExpression(callee) ||
    !CLOSE_METHODS.has(callee.getName())
  ) {
    return;
  }
  const receiver = callee.getExpression();
  if (Node.isThisExpression(receiver) || receiver.getText() === 'process') {
    return;
  }
  body.closes.push({
    receiver: toExpr(receiver),
    method: callee.getName(),
    line,
  });
}

function exitsProcess(node: Node | undefined): boolean {
  const fn = localFunction(node);
  return fn !== undefined && fn.getText().includes('process.exit');
}
