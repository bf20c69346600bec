import { ts } from 'ts-morph';
import { staticThisClass, thisMember } from './class-member-expr.js';
import type { Expr } from './expr.js';
import { dyn, withPath } from './expr.js';
// Mutual recursion: a function's returned value is an expression too.
import { fnExprOf } from './function-expr.js';
import { findLocalBinding } from './find-local-declaration.js';
import { lineAt, shortTextOf } from './node-text.js';

/** Deeper expressions are kept as text: no real option object nests this far. */
const MAX_DEPTH = 24;

/**
 * Object and array literals longer than this (in characters) are kept as
 * text: no options object or name table is that big, but generated data
 * modules are, and converting one cost more than parsing its file.
 */
const MAX_LITERAL_CHARS = 64 * 1024;

/**
 * Converts an expression of the compiler's tree to an `Expr`, resolving
 * what the file alone can tell (local constants, parameters, loop
 * variables, `this.x`) and leaving top-level and imported names as `ref`
 * for cross-file resolution. Works on compiler nodes, not ts-morph
 * wrappers: it visits every sub-expression of every value taken, and a
 * wrapper per node cost more than parsing the file.
 */
export function exprOf(
  node: ts.Node | undefined,
  sourceFile: ts.SourceFile,
  depth = 0,
): Expr {
  if (!node) {
    return dyn('undefined', 0);
  }
  const text = shortTextOf(node, sourceFile);
  const line = lineAt(node, sourceFile);
  if (depth > MAX_DEPTH) {
    return dyn(text, line);
  }
  return convert(node, { sourceFile, text, line, depth: depth + 1 });
}

/** Where a conversion is: the file, and the node's text, line and depth. */
interface At {
  sourceFile: ts.SourceFile;
  text: string;
  line: number;
  depth: number;
}

function convert(node: ts.Node, at: At): Expr {
  const { text, line } = at;
  const literal = literalValue(node);
  if (literal !== undefined) {
    return { k: 'lit', v: literal, text, line };
  }
  if (
    ts.isParenthesizedExpression(node) ||
    ts.isAsExpression(node) ||
    ts.isSatisfiesExpression(node) ||
    ts.isNonNullExpression(node) ||
    ts.isTypeAssertionExpression(node) ||
    ts.isAwaitExpression(node)
  ) {
    return sub(node.expression, at);
  }
  if (ts.isPrefixUnaryExpression(node)) {
    return convertPrefix(node, at);
  }
  if (ts.isIdentifier(node)) {
    return convertIdentifier(node, at);
  }
  if (
    ts.isPropertyAccessExpression(node) ||
    ts.isElementAccessExpression(node)
  ) {
    return convertMember(node, at);
  }
  if (ts.isTemplateExpression(node)) {
    const parts: Expr[] = [lit(node.head.text, line)];
    for (const span of node.templateSpans) {
      parts.push(sub(span.expression, at));
      parts.push(lit(span.literal.text, line));
    }
    return { k: 'tpl', parts, text, line };
  }
  if (ts.isBinaryExpression(node)) {
    return convertBinary(node, at);
  }
  if (
    (ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node)) &&
    node.end - node.pos > MAX_LITERAL_CHARS
  ) {
    return dyn(text, line);
  }
  if (ts.isObjectLiteralExpression(node)) {
    return convertObject(node, at);
  }
  if (ts.isArrayLiteralExpression(node)) {
    const items = node.elements.map((item) => sub(item, at));
    return { k: 'arr', items, text, line };
  }
  if (ts.isCallExpression(node)) {
    return convertCall(node, at);
  }
  if (ts.isNewExpression(node)) {
    const args = (node.arguments ?? []).map((arg) => sub(arg, at));
    return { k: 'new', callee: sub(node.expression, at), args, text, line };
  }
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    return fnExprOf(node, at.sourceFile, at.text, at.line, at.depth);
  }
  if (node.kind === ts.SyntaxKind.ThisKeyword) {
    const name = staticThisClass(node);
    return name === undefined
      ? dyn(text, line)
      : { k: 'ref', name, path: [], text, line };
  }
  return dyn(text, line);
}

/** A child expression, one level deeper. */
function sub(node: ts.Node | undefined, at: At): Expr {
  return exprOf(node, at.sourceFile, at.depth);
}

/** The value of a string, number, boolean or null literal, as ts-morph reads it. */
function literalValue(
  node: ts.Node,
): string | number | boolean | null | undefined {
  switch (node.kind) {
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return (node as ts.LiteralExpression).text;
    case ts.SyntaxKind.NumericLiteral: {
      const digits = (node as ts.NumericLiteral).text;
      return digits.includes('.') ? parseFloat(digits) : parseInt(digits, 10);
    }
    case ts.SyntaxKind.TrueKeyword:
      return true;
    case ts.SyntaxKind.FalseKeyword:
      return false;
    case ts.SyntaxKind.NullKeyword:
      return null;
    default:
      return undefined;
  }
}

function lit(value: string, line: number): Expr {
  return { k: 'lit', v: value, text: JSON.stringify(value), line };
}

function convertPrefix(node: ts.PrefixUnaryExpression, at: At): Expr {
  const operand = sub(node.operand, at);
  if (
    node.operator === ts.SyntaxKind.MinusToken &&
    operand.k === 'lit' &&
    typeof operand.v === 'number'
  ) {
    return { k: 'lit', v: -operand.v, text: at.text, line: at.line };
  }
  return dyn(at.text, at.line);
}

function convertIdentifier(node: ts.Identifier, at: At): Expr {
  const { sourceFile, text, line } = at;
  const name = node.getText(sourceFile);
  if (name === 'undefined') {
    return dyn(text, line);
  }
  const local = findLocalBinding(node, sourceFile);
  if (!local) {
    return { k: 'ref', name, path: [], text, line };
  }
  if (local.kind === 'param') {
    const { index, owner, fn } = local;
    return { k: 'param', name, index, owner, fn, text, line };
  }
  if (local.kind === 'each') {
    return { k: 'each', of: sub(local.iterable, at), text, line };
  }
  if (local.kind === 'value') {
    const value = sub(local.initializer, at);
    return value.k === 'dyn'
      ? dyn(text, line)
      : { ...value, via: value.via ?? name };
  }
  return dyn(text, line);
}

function convertMember(
  node: ts.PropertyAccessExpression | ts.ElementAccessExpression,
  at: At,
): Expr {
  const { sourceFile, text, line } = at;
  const path: string[] = [];
  let current: ts.Node = node;
  while (
    ts.isPropertyAccessExpression(current) ||
    ts.isElementAccessExpression(current)
  ) {
    if (ts.isPropertyAccessExpression(current)) {
      path.unshift(current.name.getText(sourceFile));
    } else {
      const key = sub(current.argumentExpression, at);
      if (key.k !== 'lit' || key.v === null) {
        return dyn(text, line);
      }
      path.unshift(String(key.v));
    }
    current = current.expression;
  }
  // In a static member `this` is the class, which `sub` names as a ref.
  if (
    current.kind === ts.SyntaxKind.ThisKeyword &&
    staticThisClass(current) === undefined
  ) {
    const first = path.shift();
    const member =
      first === undefined
        ? undefined
        : thisMember(current, first, sourceFile, at.depth);
    return member ? withPath(member, path, text, line) : dyn(text, line);
  }
  return withPath(sub(current, at), path, text, line);
}

const ARITHMETIC: Partial<Record<ts.SyntaxKind, '+' | '-' | '*' | '/'>> = {
  [ts.SyntaxKind.PlusToken]: '+',
  [ts.SyntaxKind.MinusToken]: '-',
  [ts.SyntaxKind.AsteriskToken]: '*',
  [ts.SyntaxKind.SlashToken]: '/',
};

function convertBinary(node: ts.BinaryExpression, at: At): Expr {
  const cached = lazyValue(node, at.sourceFile);
  if (cached) {
    return sub(cached, at);
  }
  const op = ARITHMETIC[node.operatorToken.kind];
  if (!op) {
    return dyn(fallbackText(node, at.sourceFile) ?? at.text, at.line);
  }
  const left = sub(node.left, at);
  const right = sub(node.right, at);
  return { k: 'bin', op, left, right, text: at.text, line: at.line };
}

const LAZY_OPERATORS = new Set([
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
]);
const LAZY_ASSIGNMENTS = new Set([
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

/**
 * What a lazily created value holds: `this.client ??= create()`, and
 * `client || (client = create())`, hold what `create()` returns.
 */
function lazyValue(
  node: ts.BinaryExpression,
  sourceFile: ts.SourceFile,
): ts.Expression | undefined {
  const kind = node.operatorToken.kind;
  if (LAZY_ASSIGNMENTS.has(kind)) {
    return node.right;
  }
  if (!LAZY_OPERATORS.has(kind)) {
    return undefined;
  }
  let right: ts.Expression = node.right;
  while (ts.isParenthesizedExpression(right)) {
    right = right.expression;
  }
  if (
    !ts.isBinaryExpression(right) ||
    right.operatorToken.kind !== ts.SyntaxKind.EqualsToken
  ) {
    return undefined;
  }
  const same = right.left.getText(sourceFile) === node.left.getText(sourceFile);
  return same ? right.right : undefined;
}

/**
 * `opts.queue ?? 'events'` and `opts.queue ?? "events"` name one thing: the
 * text of a default is written with one quote style, so two sites compare
 * equal however each was quoted.
 */
function fallbackText(
  node: ts.BinaryExpression,
  sourceFile: ts.SourceFile,
): string | undefined {
  const kind = node.operatorToken.kind;
  if (
    kind !== ts.SyntaxKind.QuestionQuestionToken &&
    kind !== ts.SyntaxKind.BarBarToken
  ) {
    return undefined;
  }
  const right = node.right;
  if (
    !ts.isStringLiteral(right) &&
    !ts.isNoSubstitutionTemplateLiteral(right)
  ) {
    return undefined;
  }
  const operator = node.operatorToken.getText(sourceFile);
  const left = shortTextOf(node.left, sourceFile);
  return `${left} ${operator} ${JSON.stringify(right.text)}`;
}

function convertObject(node: ts.ObjectLiteralExpression, at: At): Expr {
  const { sourceFile } = at;
  const props: [string, Expr][] = [];
  const spreads: Expr[] = [];
  for (const prop of node.properties) {
    if (ts.isPropertyAssignment(prop)) {
      const name = propertyNameOf(prop.name, sourceFile);
      if (name !== undefined) {
        props.push([name, sub(prop.initializer, at)]);
      }
    } else if (ts.isShorthandPropertyAssignment(prop)) {
      props.push([prop.name.getText(sourceFile), sub(prop.name, at)]);
    } else if (ts.isSpreadAssignment(prop)) {
      spreads.push(sub(prop.expression, at));
    } else if (ts.isMethodDeclaration(prop)) {
      props.push([
        prop.name.getText(sourceFile),
        dyn(shortTextOf(prop, sourceFile), lineAt(prop, sourceFile)),
      ]);
    }
  }
  return { k: 'obj', props, spreads, text: at.text, line: at.line };
}

/** The written name of a property: identifier, string, number or `[CONST]`. */
export function propertyNameOf(
  name: ts.Node,
  sourceFile: ts.SourceFile,
): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) {
    return name.getText(sourceFile);
  }
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name)) {
    return String(literalValue(name));
  }
  if (ts.isComputedPropertyName(name)) {
    const key = exprOf(name.expression, sourceFile);
    return key.k === 'lit' && key.v !== null ? String(key.v) : `[${key.text}]`;
  }
  return undefined;
}

function convertCall(node: ts.CallExpression, at: At): Expr {
  const { sourceFile, text, line } = at;
  const callee = node.expression;
  const args = node.arguments.map((arg) => sub(arg, at));
  if (ts.isIdentifier(callee) && callee.getText(sourceFile) === 'require') {
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
  return { k: 'call', callee: sub(callee, at), args, text, line };
}
