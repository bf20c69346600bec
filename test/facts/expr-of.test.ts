import { ts } from 'ts-morph';
import { exprOf } from '../../src/facts/expr-of.js';
import { findLocalBinding } from '../../src/facts/find-local-declaration.js';

/** `source` parsed, and its first node that passes `test`. */
function parseAndFind<T extends ts.Node>(
  source: string,
  test: (node: ts.Node) => node is T,
): { file: ts.SourceFile; node: T } {
  const file = ts.createSourceFile(
    'a.ts',
    source,
    ts.ScriptTarget.Latest,
    true,
  );
  let found: T | undefined;
  const visit = (node: ts.Node): void => {
    found ??= test(node) ? node : undefined;
    ts.forEachChild(node, visit);
  };
  visit(file);
  if (!found) {
    throw new Error(`nothing to test in ${source}`);
  }
  return { file, node: found };
}

/** The `Expr` of the initializer of `const value = ...` in `source`. */
function valueOf(source: string): ReturnType<typeof exprOf> {
  const { file, node } = parseAndFind(
    source,
    (n): n is ts.VariableDeclaration =>
      ts.isVariableDeclaration(n) && n.name.getText() === 'value',
  );
  return exprOf(node.initializer, file);
}

describe('exprOf', () => {
  it('keeps a literal longer than 64 KiB as text, not as an object', () => {
    const rows = Array.from(
      { length: 4000 },
      (_, i) => `{ id: ${i}, title: "row ${i}" }`,
    );
    const expr = valueOf(`const value = [${rows.join(',\n')}];`);
    expect(expr.k).toBe('dyn');
    expect(expr.text.length).toBeLessThanOrEqual(200);
  });

  it('still converts an ordinary options object', () => {
    const expr = valueOf(
      `const value = { attempts: 3, backoff: { type: 'fixed', delay: 60 * 1000 } };`,
    );
    expect(expr).toMatchObject({
      k: 'obj',
      props: [
        ['attempts', { k: 'lit', v: 3 }],
        ['backoff', { k: 'obj' }],
      ],
    });
  });

  it('reads a parameter of a function expression as a parameter', () => {
    const { file, node } = parseAndFind(
      `const make = function (name) { return name; };`,
      (n): n is ts.Identifier =>
        ts.isIdentifier(n) && ts.isReturnStatement(n.parent),
    );
    expect(findLocalBinding(node, file)).toEqual({
      kind: 'param',
      index: 0,
      owner: undefined,
      fn: 'make',
    });
  });

  it.each([
    ['x || (x = make())', 'call'],
    ['x ?? (x = make())', 'call'],
    ['x ||= make()', 'call'],
    ['x ??= make()', 'call'],
    ['x || (y = make())', 'dyn'],
    ['x || make()', 'dyn'],
  ])('takes %s to hold a %s', (written, kind) => {
    const value = valueOf(`let x, y; const value = ${written};`);
    expect(value.k).toBe(kind);
  });

  it.each([
    ['a static getter', 'static get client() { return new this(); }', 'ref'],
    ['an instance method', 'open() { return new this(); }', 'dyn'],
    [
      'a function inside a static method',
      'static open() { return function () { return new this(); }; }',
      'dyn',
    ],
  ])('reads `this` in %s', (_label, member, kind) => {
    const { file, node } = parseAndFind(
      `class Adapter {\n  ${member}\n}`,
      (n): n is ts.NewExpression => ts.isNewExpression(n),
    );
    const value = exprOf(node, file);
    expect(value.k === 'new' ? value.callee.k : value.k).toBe(kind);
  });
});
