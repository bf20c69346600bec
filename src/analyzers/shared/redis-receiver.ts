import { lineOf } from '../../facts/line-of.js';
import { Node } from 'ts-morph';
import type { Expr } from '../../facts/expr.js';
import { toExpr } from '../../facts/to-expr.js';

/** The object a Redis command is called on, as the file states it. */
export interface RedisReceiver {
  /** The receiver, with `multi()` and `pipeline()` links stripped. */
  expr: Expr;
  /** Declared type of a parameter or `this.x` receiver: `redis: Redis`. */
  type?: Expr;
}

/** Methods that queue commands on the client they are called on. */
const BATCHES = new Set(['multi', 'pipeline']);

/**
 * Describes the receiver of a command call. In
 * `redis.multi().set(k, v).expire(k, 60)` the receiver of `expire` is
 * `redis`: the commands of a transaction run on the client that opened it.
 */
export function receiverOf(receiver: Node): RedisReceiver {
  const base = batchBase(receiver) ?? receiver;
  const type = declaredType(base);
  return type ? { expr: toExpr(base), type } : { expr: toExpr(base) };
}

function batchBase(receiver: Node): Node | undefined {
  let current = receiver;
  while (Node.isCallExpression(current)) {
    const callee = current.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) {
      return undefined;
    }
    if (BATCHES.has(callee.getName())) {
      return callee.getExpression();
    }
    current = callee.getExpression();
  }
  return undefined;
}

/** The type annotation of a parameter, a class property or a constructor parameter. */
function declaredType(node: Node): Expr | undefined {
  if (Node.isIdentifier(node)) {
    return parameterType(node, node.getText());
  }
  if (
    Node.isPropertyAccessExpression(node) &&
    Node.isThisExpression(node.getExpression())
  ) {
    return memberType(node, node.getName());
  }
  return undefined;
}

function parameterType(node: Node, name: string): Expr | undefined {
  for (const scope of node.getAncestors()) {
    if (Node.isFunctionLikeDeclaration(scope) || Node.isArrowFunction(scope)) {
      const param = scope.getParameters().find((p) => p.getName() === name);
      if (param) {
        return typeExpr(param.getTypeNode());
      }
    }
  }
  return undefined;
}

function memberType(node: Node, name: string): Expr | undefined {
  const cls = node.getFirstAncestor(
    (a) => Node.isClassDeclaration(a) || Node.isClassExpression(a),
  );
  if (!cls || !(Node.isClassDeclaration(cls) || Node.isClassExpression(cls))) {
    return undefined;
  }
  const prop = cls.getProperty(name);
  if (prop) {
    return typeExpr(prop.getTypeNode());
  }
  for (const ctor of cls.getConstructors()) {
    const param = ctor.getParameters().find((p) => p.getName() === name);
    if (param) {
      return typeExpr(param.getTypeNode());
    }
  }
  return undefined;
}

/** `Redis`, `IORedis.Redis` or the first named member of `Redis | null`. */
function typeExpr(type: Node | undefined): Expr | undefined {
  if (type && Node.isUnionTypeNode(type)) {
    return type
      .getTypeNodes()
      .map(typeExpr)
      .find((expr) => expr !== undefined);
  }
  if (!type || !Node.isTypeReference(type)) {
    return undefined;
  }
  const name = type.getTypeName();
  const line = lineOf(name);
  if (Node.isQualifiedName(name)) {
    const left = name.getLeft();
    if (!Node.isIdentifier(left)) {
      return undefined;
    }
    const path = [name.getRight().getText()];
    return { k: 'ref', name: left.getText(), path, text: name.getText(), line };
  }
  return {
    k: 'ref',
    name: name.getText(),
    path: [],
    text: name.getText(),
    line,
  };
}
