import { Node, SyntaxKind } from 'ts-morph';
import type { BinaryExpression, IfStatement } from 'ts-morph';

/** Climbs from the acquire through `await`, `!`, comparisons and parentheses. */
export function climbCondition(node: Node): { node: Node; negated: boolean } {
  let current = node;
  let negated = false;
  for (let parent = current.getParent(); parent; parent = current.getParent()) {
    if (
      Node.isAwaitExpression(parent) ||
      Node.isParenthesizedExpression(parent) ||
      Node.isAsExpression(parent) ||
      Node.isPropertyAccessExpression(parent) ||
      Node.isElementAccessExpression(parent) ||
      (Node.isCallExpression(parent) && parent.getExpression() === current)
    ) {
      current = parent;
    } else if (
      Node.isPrefixUnaryExpression(parent) &&
      parent.getOperatorToken() === SyntaxKind.ExclamationToken
    ) {
      negated = !negated;
      current = parent;
    } else if (
      Node.isBinaryExpression(parent) &&
      isComparison(parent.getOperatorToken().getKind())
    ) {
      negated = comparesNegatively(parent) ? !negated : negated;
      current = parent;
    } else {
      break;
    }
  }
  return { node: current, negated };
}

function isComparison(kind: SyntaxKind): boolean {
  return [
    SyntaxKind.EqualsEqualsEqualsToken,
    SyntaxKind.EqualsEqualsToken,
    SyntaxKind.ExclamationEqualsEqualsToken,
    SyntaxKind.ExclamationEqualsToken,
  ].includes(kind);
}

/** `x !== 'OK'`, `x === null`, `x === false`: true means the lock is not held. */
function comparesNegatively(binary: BinaryExpression): boolean {
  const inequality = binary.getOperatorToken().getText().startsWith('!');
  const other = [binary.getLeft(), binary.getRight()].map((side) =>
    side.getText(),
  );
  const falsy = other.some((text) =>
    ['null', 'undefined', 'false', '0'].includes(text),
  );
  return inequality !== falsy;
}

/** The then-branch of a positive test; after `if (!held) return;`, the rest of the block. */
export function guardedStatements(
  statement: IfStatement,
  negated: boolean,
): Node[] {
  if (!negated) {
    return [statement.getThenStatement()];
  }
  const elseBranch = statement.getElseStatement();
  if (elseBranch) {
    return [elseBranch];
  }
  if (!exits(statement.getThenStatement())) {
    return [];
  }
  const block = statement.getParent();
  if (!block || !(Node.isBlock(block) || Node.isSourceFile(block))) {
    return [];
  }
  const statements = block.getStatements();
  return statements.slice(statements.indexOf(statement) + 1);
}

function exits(node: Node): boolean {
  const last = Node.isBlock(node) ? node.getStatements().at(-1) : node;
  return (
    last !== undefined &&
    (Node.isReturnStatement(last) ||
      Node.isThrowStatement(last) ||
      Node.isContinueStatement(last))
  );
}
