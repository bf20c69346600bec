import { Node } from 'ts-morph';
import type { CallExpression } from 'ts-morph';
import { calleeName, methodCall } from '../shared/call-shape.js';

const TIMERS = new Set(['setInterval', 'setTimeout']);

/**
 * Names of the functions a timer runs in a file: `setInterval(renew, ...)`,
 * `setTimeout(this.renew.bind(this))`, or the calls inside an inline timer
 * callback. A recursive `setTimeout(renew)` inside `renew` counts too.
 */
export function timerTargets(calls: readonly CallExpression[]): Set<string> {
  const names = new Set<string>();
  for (const call of calls) {
    const name = calleeName(call);
    const [callback] = call.getArguments();
    if (name === undefined || !TIMERS.has(name) || !callback) {
      continue;
    }
    if (Node.isArrowFunction(callback) || Node.isFunctionExpression(callback)) {
      // The file's calls are listed once; those inside the callback are
      // picked by position instead of walking the callback again.
      const [start, end] = [callback.getPos(), callback.getEnd()];
      for (const inner of calls) {
        if (inner.getPos() >= start && inner.getEnd() <= end) {
          addName(names, calleeName(inner));
        }
      }
    } else {
      addName(names, referencedName(callback));
    }
  }
  return names;
}

function addName(names: Set<string>, name: string | undefined): void {
  if (name !== undefined) {
    names.add(name);
  }
}

function referencedName(node: Node): string | undefined {
  if (Node.isIdentifier(node)) {
    return node.getText();
  }
  if (Node.isPropertyAccessExpression(node)) {
    return node.getName();
  }
  if (Node.isCallExpression(node)) {
    const shape = methodCall(node);
    return shape?.method === 'bind'
      ? referencedName(shape.receiver)
      : undefined;
  }
  return undefined;
}

/** Whether `node` runs repeatedly: in a loop, a timer callback or a timer's target. */
export function runsInLoop(node: Node, targets: ReadonlySet<string>): boolean {
  for (const ancestor of node.getAncestors()) {
    if (
      Node.isWhileStatement(ancestor) ||
      Node.isDoStatement(ancestor) ||
      Node.isForStatement(ancestor)
    ) {
      return true;
    }
    if (Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor)) {
      const parent = ancestor.getParent();
      const timer =
        parent && Node.isCallExpression(parent)
          ? calleeName(parent)
          : undefined;
      if (timer !== undefined && TIMERS.has(timer)) {
        return true;
      }
    }
    const name = functionName(ancestor);
    if (name !== undefined && targets.has(name)) {
      return true;
    }
  }
  return false;
}

/** The name a function is known by: declaration, method, or the variable holding it. */
export function functionName(node: Node): string | undefined {
  if (Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node)) {
    return node.getName();
  }
  if (Node.isArrowFunction(node) || Node.isFunctionExpression(node)) {
    const parent = node.getParent();
    if (
      parent &&
      (Node.isVariableDeclaration(parent) ||
        Node.isPropertyAssignment(parent) ||
        Node.isPropertyDeclaration(parent))
    ) {
      return parent.getName();
    }
  }
  return undefined;
}
