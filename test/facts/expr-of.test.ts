import { ts } from 'ts-morph';
import { exprOf } from '../../src/facts/expr-of.js';
import { findLocalBinding } from '../../src/facts/find-local-declaration.js';

/** The `Expr` of the initializer of `const value = ...` in `source`. */
function valueOf(source: string): ReturnType<typeof exprOf> {
  const file = ts.createSourceFile(
    'a.ts',
    source,
    ts.ScriptTarget.Latest,
    true,
  );
  let found: ts.Expression | undefined;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText(file) === 'value') {
      found = node.initializer;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return exprOf(found, file);
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
    const source = `const make = function (name) { return name; };`;
    const file = ts.createSourceFile(
      'a.ts',
      source,
      ts.ScriptTarget.Latest,
      true,
    );
    let use: ts.Identifier | undefined;
    const visit = (node: ts.Node): void => {
      if (
        ts.isReturnStatement(node) &&
        node.expression &&
        ts.isIdentifier(node.expression)
      ) {
        use = node.expression;
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    expect(findLocalBinding(use!, file)).toEqual({
      kind: 'param',
      index: 0,
      owner: undefined,
      fn: 'make',
    });
  });
});
