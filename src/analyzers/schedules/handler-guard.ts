import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type { CallExpression, Decorator } from 'ts-morph';
import type { LocalFunction } from '../shared/local-function.js';
import { calledLocalFunctions } from '../shared/local-function.js';
import { hasWord } from '../shared/name-words.js';
import type { GuardEvidence } from './types.js';

export const LEADER_WORDS: ReadonlySet<string> = new Set([
  'leader',
  'leadership',
]);
export const LOCK_WORDS: ReadonlySet<string> = new Set([
  'lock',
  'redlock',
  'mutex',
]);
const RELEASE_WORDS: ReadonlySet<string> = new Set(['release', 'unlock']);
const SQL_LOCK = /pg_(try_)?advisory(_xact)?_lock|\bGET_LOCK\s*\(/i;

/**
 * What in a schedule's handler keeps it to one instance: a lock decorator on
 * the method, then the first leader check or lock acquisition in its body or
 * in the functions of this file it calls (one level).
 */
export function handlerGuard(
  fn: LocalFunction | undefined,
  decorators: Decorator[] = [],
): GuardEvidence | undefined {
  for (const decorator of decorators) {
    if (hasWord(decorator.getName(), LOCK_WORDS)) {
      return {
        guard: 'lock',
        what: `@${decorator.getName()}`,
        line: lineOf(decorator),
      };
    }
  }
  if (!fn) {
    return undefined;
  }
  for (const body of [fn, ...calledLocalFunctions(fn)]) {
    const found = firstEvidence(body);
    if (found) {
      return found;
    }
  }
  return undefined;
}

function firstEvidence(fn: LocalFunction): GuardEvidence | undefined {
  let found: GuardEvidence | undefined;
  fn.forEachDescendant((node, traversal) => {
    found = evidenceAt(node);
    if (found) {
      traversal.stop();
    }
  });
  return found;
}

function evidenceAt(node: Node): GuardEvidence | undefined {
  const line = lineOf(node);
  if (Node.isCallExpression(node)) {
    return callEvidence(node);
  }
  if (Node.isIfStatement(node) || Node.isConditionalExpression(node)) {
    const condition = Node.isIfStatement(node)
      ? node.getExpression()
      : node.getCondition();
    const text = condition.getText();
    return hasWord(text, LEADER_WORDS)
      ? { guard: 'leader', what: `if (${text})`, line }
      : undefined;
  }
  if (
    Node.isStringLiteral(node) ||
    Node.isNoSubstitutionTemplateLiteral(node)
  ) {
    const match = SQL_LOCK.exec(node.getLiteralValue());
    return match
      ? { guard: 'lock', what: match[0].replace(/(?<!\s)\s*\($/, ''), line }
      : undefined;
  }
  return undefined;
}

/** A leader check, a lock helper, or a Redis `SET ... NX`. */
export function callEvidence(call: CallExpression): GuardEvidence | undefined {
  const text = calleeText(call);
  const line = lineOf(call);
  if (hasWord(text, LEADER_WORDS)) {
    return { guard: 'leader', what: `${text}()`, line };
  }
  if (isSetNx(call, text)) {
    return { guard: 'lock', what: `${text}(... 'NX')`, line };
  }
  if (hasWord(text, LOCK_WORDS) && !hasWord(text, RELEASE_WORDS)) {
    return { guard: 'lock', what: `${text}()`, line };
  }
  return undefined;
}

function isSetNx(call: CallExpression, text: string): boolean {
  const method = text.slice(text.lastIndexOf('.') + 1).toLowerCase();
  if (method === 'setnx') {
    return true;
  }
  if (method !== 'set') {
    return false;
  }
  return call.getArguments().some((arg) => {
    if (Node.isStringLiteral(arg)) {
      return arg.getLiteralValue().toUpperCase() === 'NX';
    }
    return (
      Node.isObjectLiteralExpression(arg) && arg.getProperty('NX') !== undefined
    );
  });
}

/** The callee as written, without `this.` and line breaks. */
export function calleeText(call: CallExpression): string {
  return call
    .getExpression()
    .getText()
    .replace(/\s+/g, '')
    .replace(/^this\./, '');
}
