import { Node, SyntaxKind } from 'ts-morph';
import type { LocalFunction } from '../shared/local-function.js';
import { calleeText } from './handler-guard.js';
import { hasWord } from '../shared/name-words.js';
import { LEADER_WORDS, LOCK_WORDS } from './handler-guard.js';
import { descendantsOfKind } from '../../facts/descendants.js';

const LOG_METHODS = new Set([
  'log',
  'info',
  'debug',
  'warn',
  'error',
  'trace',
  'fatal',
  'verbose',
]);
const NOT_WORK =
  /^(console|Promise|JSON|Date|Math|Object|Array|String|Number|setTimeout|require)\b/;

/**
 * What a schedule runs: the handler's name when it is passed by name, or
 * the first call in an inline handler that does work (not logging, not the
 * leader check or lock around it), or `inline`.
 */
export function taskName(
  handler: Node | undefined,
  fn: LocalFunction | undefined,
): string {
  if (
    handler &&
    !Node.isArrowFunction(handler) &&
    !Node.isFunctionExpression(handler)
  ) {
    return plainName(handler);
  }
  const work = fn ? workCalls(fn) : [];
  return work[0] ?? 'inline';
}

/** Every call in `fn` that does work, as written without `this.`. */
export function workCalls(fn: LocalFunction): string[] {
  const names: string[] = [];
  for (const call of descendantsOfKind(fn, SyntaxKind.CallExpression)) {
    const text = calleeText(call);
    const method = text.slice(text.lastIndexOf('.') + 1);
    if (
      LOG_METHODS.has(method) ||
      NOT_WORK.test(text) ||
      hasWord(text, LEADER_WORDS) ||
      hasWord(text, LOCK_WORDS) ||
      !/^[\w$.]+$/.test(text)
    ) {
      continue;
    }
    names.push(text);
  }
  return names;
}

function plainName(handler: Node): string {
  let node = handler;
  if (Node.isCallExpression(node)) {
    const callee = node.getExpression();
    if (
      Node.isPropertyAccessExpression(callee) &&
      callee.getName() === 'bind'
    ) {
      node = callee.getExpression();
    }
  }
  return node
    .getText()
    .replace(/\s+/g, '')
    .replace(/^this\./, '');
}
