import { lineOf } from './line-of.js';
import { Node, SyntaxKind } from 'ts-morph';
import type {
  ArrowFunction,
  BinaryExpression,
  CallExpression,
  ConstructorDeclaration,
  Decorator,
  ElementAccessExpression,
  FunctionDeclaration,
  FunctionExpression,
  Identifier,
  ObjectLiteralExpression,
  ParameterDeclaration,
  PrefixUnaryExpression,
  PropertyAccessExpression,
} from 'ts-morph';
import type { Expr, FnExpr } from './expr.js';
import { dyn } from './expr.js';
import { findLocalDeclaration } from './find-local-declaration.js';

/** Deeper expressions are kept as text: no real option object nests this far. */
const MAX_DEPTH = 24;

/**
 * Converts an expression node to an `Expr`, resolving what the file alone
 * can tell (local constants, parameters, loop variables, `this.x`) and
 * leaving top-level and imported names as `ref` for cross-file resolution.
 */
export function toExpr(node: Node | undefined, depth = 0): Expr {
  if (!node) {
    return dyn('undefined', 0);
  }
  const text = shortText(node);
  const line = lineOf(node);
  if (depth > MAX_DEPTH) {
    return dyn(text, line);
  }
  return convert(node, text, line, depth + 1);
}

function convert(node: Node, text: string, line: number, depth: number): Expr {
  if (
    Node.isStringLiteral(node) ||
    Node.isNoSubstitutionTemplateLiteral(node)
  ) {
    return { k: 'lit', v: node.getLiteralValue(), text, line };
  }
  if (Node.isNumericLiteral(node)) {
    return { k: 'lit', v: node.getLiteralValue(), text, line };
  }
  if (Node.isTrueLiteral(node) || Node.isFalseLiteral(node)) {
    return { k: 'lit', v: node.getLiteralValue(), text, line };
  }
  if (Node.isNullLiteral(node)) {
    return { k: 'lit', v: null, text, line };
  }
  if (
    Node.isParenthesizedExpression(node) ||
    Node.isAsExpression(node) ||
    Node.isSatisfiesExpression(node) ||
    Node.isNonNullExpression(node) ||
    Node.isTypeAssertion(node) ||
    Node.isAwaitExpression(node)
  ) {
    return toExpr(node.getExpression(), depth);
  }
  if (Node.isPrefixUnaryExpression(node)) {
    return convertPrefix(node, text, line, depth);
  }
  if (Node.isIdentifier(node)) {
    return convertIdentifier(node, text, line, depth);
  }
  if (
    Node.isPropertyAccessExpression(node) ||
    Node.isElementAccessExpression(node)
  ) {
    return convertMember(node, text, line, depth);
  }
  if (Node.isTemplateExpression(node)) {
    const parts: Expr[] = [lit(node.getHead().getLiteralText(), line)];
    for (const span of node.getTemplateSpans()) {
      parts.push(toExpr(span.getExpression(), depth));
      parts.push(lit(span.getLiteral().getLiteralText(), line));
    }
    return { k: 'tpl', parts, text, line };
  }
  if (Node.isBinaryExpression(node)) {
    return convertBinary(node, text, line, depth);
  }
  if (Node.isObjectLiteralExpression(node)) {
    return convertObject(node, text, line, depth);
  }
  if (Node.isArrayLiteralExpression(node)) {
    const items = node.getElements().map((item) => toExpr(item, depth));
    return { k: 'arr', items, text, line };
  }
  if (Node.isCallExpression(node)) {
    return convertCall(node, text, line, depth);
  }
  if (Node.isNewExpression(node)) {
    const args = node.getArguments().map((arg) => toExpr(arg, depth));
    return {
      k: 'new',
      callee: toExpr(node.getExpression(), depth),
      args,
      text,
      line,
    };
  }
  if (Node.isArrowFunction(node) || Node.isFunctionExpression(node)) {
    return toFnExpr(node, text, line, depth);
  }
  return dyn(text, line);
}

function lit(value: string, line: number): Expr {
  return { k: 'lit', v: value, text: JSON.stringify(value), line };
}

function convertPrefix(
  node: PrefixUnaryExpression,
  text: string,
  line: number,
  depth: number,
): Expr {
  const operand = toExpr(node.getOperand(), depth);
  if (
    node.getOperatorToken() === SyntaxKind.MinusToken &&
    operand.k === 'lit' &&
    typeof operand.v === 'number'
  ) {
    return { k: 'lit', v: -operand.v, text, line };
  }
  return dyn(text, line);
}

function convertIdentifier(
  node: Identifier,
  text: string,
  line: number,
  depth: number,
): Expr {
  const name = node.getText();
  if (name === 'undefined') {
    return dyn(text, line);
  }
  const local = findLocalDeclaration(node);
  if (!local) {
    return { k: 'ref', name, path: [], text, line };
  }
  if (local.kind === 'param') {
    return {
      k: 'param',
      name,
      index: local.index,
      owner: local.owner,
      fn: local.fn,
      text,
      line,
    };
  }
  if (local.kind === 'each') {
    return { k: 'each', of: toExpr(local.iterable, depth), text, line };
  }
  if (local.kind === 'value') {
    const value = toExpr(local.initializer, depth);
    return value.k === 'dyn'
      ? dyn(text, line)
      : { ...value, via: value.via ?? name };
  }
  return dyn(text, line);
}

function convertMember(
  node: PropertyAccessExpression | ElementAccessExpression,
  text: string,
  line: number,
  depth: number,
): Expr {
  const path: string[] = [];
  let current: Node = node;
  while (
    Node.isPropertyAccessExpression(current) ||
    Node.isElementAccessExpression(current)
  ) {
    if (Node.isPropertyAccessExpression(current)) {
      path.unshift(current.getName());
    } else {
      const arg = current.getArgumentExpression();
      const key = arg ? toExpr(arg, depth) : undefined;
      if (key?.k !== 'lit' || key.v === null) {
        return dyn(text, line);
      }
      path.unshift(String(key.v));
    }
    current = current.getExpression();
  }
  if (Node.isThisExpression(current)) {
    const first = path.shift();
    const member =
      first === undefined ? undefined : thisMember(current, first, depth);
    return member ? withPath(member, path, text, line) : dyn(text, line);
  }
  return withPath(toExpr(current, depth), path, text, line);
}

/** Applies a property path to an expression converted from the file. */
export function withPath(
  base: Expr,
  path: string[],
  text: string,
  line: number,
): Expr {
  if (path.length === 0) {
    return base;
  }
  if (base.k === 'ref' || base.k === 'ext') {
    return { ...base, path: [...base.path, ...path], text, line };
  }
  if (base.k === 'obj') {
    const [first, ...rest] = path;
    const prop = base.props.findLast(([name]) => name === first);
    if (prop) {
      return withPath(prop[1], rest, text, line);
    }
    if (base.spreads.length === 0) {
      return dyn(text, line);
    }
  }
  if (base.k === 'dyn' || base.k === 'lit') {
    return dyn(text, line);
  }
  return { k: 'member', of: base, path, text, line };
}

function thisMember(node: Node, name: string, depth: number): Expr | undefined {
  const cls = node.getFirstAncestor(
    (a) => Node.isClassDeclaration(a) || Node.isClassExpression(a),
  );
  if (!cls || !(Node.isClassDeclaration(cls) || Node.isClassExpression(cls))) {
    return undefined;
  }
  const prop = cls.getProperty(name);
  if (prop) {
    const init = prop.getInitializer();
    if (init) {
      return toExpr(init, depth);
    }
    const injected = injectionOf(prop.getDecorators());
    if (injected) {
      return injected;
    }
  }
  for (const ctor of cls.getConstructors()) {
    for (const param of ctor.getParameters()) {
      if (param.getName() === name) {
        return injectionOf(param.getDecorators()) ?? typedAs(param);
      }
    }
    const assigned = assignedInBody(ctor, name, depth);
    if (assigned) {
      return assigned;
    }
  }
  return undefined;
}

/** `@InjectQueue('email') q: Queue` becomes the call `InjectQueue('email')`. */
function injectionOf(decorators: Decorator[]): Expr | undefined {
  for (const decorator of decorators) {
    const call = decorator.getCallExpression();
    if (call) {
      return toExpr(call);
    }
  }
  return undefined;
}

/** A constructor parameter known only by its type: `private redis: Redis`. */
function typedAs(param: ParameterDeclaration): Expr | undefined {
  const type = param.getTypeNode();
  if (!type || !Node.isTypeReference(type)) {
    return undefined;
  }
  const typeName = type.getTypeName();
  const text = param.getText();
  const line = lineOf(param);
  return {
    k: 'new',
    callee: toExpr(typeName),
    args: [],
    text,
    line,
  };
}

function assignedInBody(
  ctor: ConstructorDeclaration,
  name: string,
  depth: number,
): Expr | undefined {
  for (const statement of ctor.getStatements()) {
    if (!Node.isExpressionStatement(statement)) {
      continue;
    }
    const expression = statement.getExpression();
    if (!Node.isBinaryExpression(expression)) {
      continue;
    }
    const left = expression.getLeft();
    if (
      expression.getOperatorToken().getKind() === SyntaxKind.EqualsToken &&
      Node.isPropertyAccessExpression(left) &&
      Node.isThisExpression(left.getExpression()) &&
      left.getName() === name
    ) {
      return toExpr(expression.getRight(), depth);
    }
  }
  return undefined;
}

const ARITHMETIC: Partial<Record<SyntaxKind, '+' | '-' | '*' | '/'>> = {
  [SyntaxKind.PlusToken]: '+',
  [SyntaxKind.MinusToken]: '-',
  [SyntaxKind.AsteriskToken]: '*',
  [SyntaxKind.SlashToken]: '/',
};

function convertBinary(
  node: BinaryExpression,
  text: string,
  line: number,
  depth: number,
): Expr {
  const op = ARITHMETIC[node.getOperatorToken().getKind()];
  if (!op) {
    return dyn(fallbackText(node) ?? text, line);
  }
  const left = toExpr(node.getLeft(), depth);
  const right = toExpr(node.getRight(), depth);
  return { k: 'bin', op, left, right, text, line };
}

/**
 * `opts.queue ?? 'events'` and `opts.queue ?? "events"` name one thing: the
 * text of a default is written with one quote style, so two sites compare
 * equal however each was quoted.
 */
function fallbackText(node: BinaryExpression): string | undefined {
  const kind = node.getOperatorToken().getKind();
  if (
    kind !== SyntaxKind.QuestionQuestionToken &&
    kind !== SyntaxKind.BarBarToken
  ) {
    return undefined;
  }
  const right = node.getRight();
  if (
    !Node.isStringLiteral(right) &&
    !Node.isNoSubstitutionTemplateLiteral(right)
  ) {
    return undefined;
  }
  const operator = node.getOperatorToken().getText();
  const left = shortText(node.getLeft());
  return `${left} ${operator} ${JSON.stringify(right.getLiteralValue())}`;
}

function convertObject(
  node: ObjectLiteralExpression,
  text: string,
  line: number,
  depth: number,
): Expr {
  const props: [string, Expr][] = [];
  const spreads: Expr[] = [];
  for (const prop of node.getProperties()) {
    if (Node.isPropertyAssignment(prop)) {
      const name = propertyName(prop.getNameNode());
      if (name !== undefined) {
        props.push([name, toExpr(prop.getInitializer(), depth)]);
      }
    } else if (Node.isShorthandPropertyAssignment(prop)) {
      props.push([prop.getName(), toExpr(prop.getNameNode(), depth)]);
    } else if (Node.isSpreadAssignment(prop)) {
      spreads.push(toExpr(prop.getExpression(), depth));
    } else if (Node.isMethodDeclaration(prop)) {
      props.push([prop.getName(), dyn(shortText(prop), lineOf(prop))]);
    }
  }
  return { k: 'obj', props, spreads, text, line };
}

/** The written name of a property: identifier, string, number or `[CONST]`. */
export function propertyName(name: Node): string | undefined {
  if (Node.isIdentifier(name) || Node.isPrivateIdentifier(name)) {
    return name.getText();
  }
  if (Node.isStringLiteral(name) || Node.isNumericLiteral(name)) {
    return String(name.getLiteralValue());
  }
  if (Node.isComputedPropertyName(name)) {
    const key = toExpr(name.getExpression());
    return key.k === 'lit' && key.v !== null ? String(key.v) : `[${key.text}]`;
  }
  return undefined;
}

function convertCall(
  node: CallExpression,
  text: string,
  line: number,
  depth: number,
): Expr {
  const callee = node.getExpression();
  const args = node.getArguments().map((arg) => toExpr(arg, depth));
  if (Node.isIdentifier(callee) && callee.getText() === 'require') {
    const module = args[0];
    if (module?.k === 'lit' && typeof module.v === 'string') {
      return {
        k: 'ext',
        module: module.v,
        name: 'default',
        path: [],
        text,
        line,
      };
    }
  }
  return { k: 'call', callee: toExpr(callee, depth), args, text, line };
}

function toFnExpr(
  node: ArrowFunction | FunctionExpression,
  text: string,
  line: number,
  depth: number,
): FnExpr {
  const params = node.getParameters().map((param) => param.getName());
  return { k: 'fn', params, body: returnedExpr(node, depth), text, line };
}

/** The single expression a function returns, if its body is that simple. */
export function returnedExpr(
  node: FunctionDeclaration | FunctionExpression | ArrowFunction,
  depth = 0,
): Expr | null {
  const body = node.getBody();
  if (!body) {
    return null;
  }
  if (!Node.isBlock(body)) {
    return toExpr(body, depth);
  }
  const returns = body.getStatements().filter((s) => Node.isReturnStatement(s));
  const only = returns.length === 1 ? returns[0] : undefined;
  if (only && Node.isReturnStatement(only)) {
    const value = only.getExpression();
    if (!value) {
      return null;
    }
    return memoizedValue(body, value, depth) ?? toExpr(value, depth);
  }
  return null;
}

/**
 * A lazy singleton: `let cached; function get() { if (!cached) { cached =
 * create(...) } return cached }` returns what is assigned to `cached`.
 */
function memoizedValue(
  body: Node,
  value: Node,
  depth: number,
): Expr | undefined {
  if (!Node.isIdentifier(value) || findLocalDeclaration(value)) {
    return undefined;
  }
  const name = value.getText();
  for (const assignment of body.getDescendantsOfKind(
    SyntaxKind.BinaryExpression,
  )) {
    const left = assignment.getLeft();
    const operator = assignment.getOperatorToken().getKind();
    const assigns =
      operator === SyntaxKind.EqualsToken ||
      operator === SyntaxKind.QuestionQuestionEqualsToken;
    if (assigns && Node.isIdentifier(left) && left.getText() === name) {
      return toExpr(assignment.getRight(), depth);
    }
  }
  return undefined;
}

/** Source text, shortened so a huge literal never bloats facts or reports. */
export function shortText(node: Node): string {
  const text = node.getText();
  const oneLine = text.length > 200 ? `${text.slice(0, 197)}...` : text;
  return oneLine.replace(/\s+/g, ' ');
}
