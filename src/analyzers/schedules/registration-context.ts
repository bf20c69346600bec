import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import { calleeText, LEADER_WORDS } from './handler-guard.js';
import { hasWord } from '../shared/name-words.js';
import type { GuardEvidence } from './types.js';

const ELECTED_EVENT = /elect|leader/i;

/**
 * A leader guard around the registration itself: the schedule is created
 * inside `if (isLeader)`, inside a callback given to a leader helper
 * (`runAsLeader(() => ...)`), or in an `elected` event listener.
 */
export function registrationGuard(at: Node): GuardEvidence | undefined {
  for (const ancestor of at.getAncestors()) {
    const line = lineOf(ancestor);
    if (Node.isIfStatement(ancestor)) {
      const text = ancestor.getExpression().getText();
      if (hasWord(text, LEADER_WORDS)) {
        return { guard: 'leader', what: `if (${text})`, line };
      }
    }
    if (!Node.isCallExpression(ancestor)) {
      continue;
    }
    const callee = calleeText(ancestor);
    if (hasWord(callee, LEADER_WORDS)) {
      return { guard: 'leader', what: `${callee}()`, line };
    }
    const event = ancestor.getArguments()[0];
    if (
      /\.(on|once)$/.test(callee) &&
      event &&
      Node.isStringLiteral(event) &&
      ELECTED_EVENT.test(event.getLiteralValue())
    ) {
      return {
        guard: 'leader',
        what: `${callee}('${event.getLiteralValue()}')`,
        line,
      };
    }
  }
  return undefined;
}

/** Names of the functions and methods the registration sits in, innermost first. */
export function enclosingNames(at: Node): string[] {
  const names: string[] = [];
  for (const ancestor of at.getAncestors()) {
    if (
      Node.isFunctionDeclaration(ancestor) ||
      Node.isMethodDeclaration(ancestor)
    ) {
      const name = ancestor.getName();
      if (name) {
        names.push(name);
      }
    } else if (
      Node.isArrowFunction(ancestor) ||
      Node.isFunctionExpression(ancestor)
    ) {
      const parent = ancestor.getParent();
      if (
        Node.isVariableDeclaration(parent) ||
        Node.isPropertyDeclaration(parent)
      ) {
        names.push(parent.getName());
      }
    }
  }
  return names;
}
