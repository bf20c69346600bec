import { ts } from 'ts-morph';
import { constructorsOf } from './class-member-expr.js';
import type { Expr } from './expr.js';
import { firstDescendant } from './descendants.js';
import { exprOf, propertyNameOf } from './expr-of.js';
import { returnedExprOf } from './function-expr.js';
import { extractLoads } from './extract-loads.js';
import { lineAt, shortTextOf } from './node-text.js';
import type { FileFacts, ImportFact, ReExportFact } from './types.js';

type ModuleFacts = Omit<FileFacts, 'file' | 'items'>;

/**
 * Imports, exports and top-level bindings of one file, from the compiler's
 * tree: this runs on every file parsed, candidates and the modules names
 * lead into alike, so it creates no ts-morph wrappers.
 */
export function extractModuleFacts(sourceFile: ts.SourceFile): ModuleFacts {
  const facts: ModuleFacts = {
    imports: [],
    exports: {},
    reExports: [],
    bindings: {},
  };
  const file = new ModuleReader(sourceFile, facts);
  for (const statement of sourceFile.statements) {
    file.statement(statement);
  }
  const loads = extractLoads(sourceFile);
  if (loads.length > 0) {
    facts.loads = loads;
  }
  return facts;
}

/** Reads one top-level statement at a time into `facts`. */
class ModuleReader {
  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly facts: ModuleFacts,
  ) {}

  statement(statement: ts.Statement): void {
    if (ts.isImportDeclaration(statement)) {
      this.facts.imports.push(...this.importsOf(statement));
    } else if (ts.isExportDeclaration(statement)) {
      this.exportDeclaration(statement);
    } else if (ts.isExportAssignment(statement)) {
      this.exportAssignment(statement);
    } else if (ts.isVariableStatement(statement)) {
      this.variableStatement(statement);
    } else if (ts.isEnumDeclaration(statement)) {
      this.declare(statement, this.text(statement.name), this.enum(statement));
    } else if (ts.isFunctionDeclaration(statement)) {
      this.functionDeclaration(statement);
    } else if (ts.isClassDeclaration(statement)) {
      this.classDeclaration(statement);
    } else if (ts.isExpressionStatement(statement)) {
      this.commonJsExport(statement.expression);
    }
  }

  private text(node: ts.Node): string {
    return node.getText(this.sourceFile);
  }

  private expr(node: ts.Node | undefined): Expr {
    return exprOf(node, this.sourceFile);
  }

  /** An import or export name as ts-morph gives it: a string one unquoted. */
  private exportName(node: ts.ModuleExportName): string {
    return ts.isStringLiteral(node) ? node.text : this.text(node);
  }

  private importsOf(decl: ts.ImportDeclaration): ImportFact[] {
    const module = moduleText(decl.moduleSpecifier, this.sourceFile);
    const line = lineAt(decl, this.sourceFile);
    const clause = decl.importClause;
    const imports: ImportFact[] = [];
    if (clause?.name) {
      const local = this.text(clause.name);
      imports.push({ local, module, imported: 'default', line });
    }
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) {
      const local = this.text(bindings.name);
      imports.push({ local, module, imported: '*', line });
    } else if (bindings) {
      for (const named of bindings.elements) {
        const imported = this.exportName(named.propertyName ?? named.name);
        const local = named.propertyName ? this.text(named.name) : imported;
        imports.push({ local, module, imported, line });
      }
    }
    return imports;
  }

  private exportDeclaration(decl: ts.ExportDeclaration): void {
    const clause = decl.exportClause;
    const named = clause && ts.isNamedExports(clause) ? clause.elements : [];
    const names: Record<string, string> = {};
    for (const spec of named) {
      const local = this.exportName(spec.propertyName ?? spec.name);
      names[spec.propertyName ? this.text(spec.name) : local] = local;
    }
    if (decl.moduleSpecifier === undefined) {
      Object.assign(this.facts.exports, names);
      return;
    }
    const reExport: ReExportFact = {
      module: moduleText(decl.moduleSpecifier, this.sourceFile),
    };
    if (clause) {
      reExport.names = names;
      if (ts.isNamespaceExport(clause)) {
        names[this.exportName(clause.name)] = '*';
      }
    }
    this.facts.reExports.push(reExport);
  }

  private exportAssignment(assignment: ts.ExportAssignment): void {
    const value = assignment.expression;
    if (ts.isIdentifier(value)) {
      this.facts.exports.default = this.text(value);
      return;
    }
    this.facts.bindings['default'] = this.expr(value);
    this.facts.exports.default = 'default';
  }

  private variableStatement(statement: ts.VariableStatement): void {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    for (const decl of statement.declarationList.declarations) {
      const init = decl.initializer;
      if (ts.isIdentifier(decl.name)) {
        const name = this.text(decl.name);
        const value = init ? this.expr(init) : undefined;
        if (
          value?.k === 'ext' &&
          value.name === 'default' &&
          value.path.length === 0
        ) {
          this.facts.imports.push({
            local: name,
            module: value.module,
            imported: 'default',
            line: value.line,
          });
          continue;
        }
        this.facts.bindings[name] = value ?? {
          k: 'dyn',
          text: name,
          line: lineAt(decl, this.sourceFile),
        };
        if (exported) {
          this.facts.exports[name] = name;
        }
      } else if (ts.isObjectBindingPattern(decl.name) && init) {
        this.destructuring(decl.name, this.expr(init), exported);
      }
    }
  }

  /** `const { Queue, Worker: W } = require('bullmq')` and `const { a } = cfg`. */
  private destructuring(
    pattern: ts.ObjectBindingPattern,
    source: Expr,
    exported: boolean,
  ): void {
    for (const element of pattern.elements) {
      const local = this.text(element.name);
      const property = element.propertyName
        ? this.text(element.propertyName)
        : local;
      if (source.k === 'ext' && source.path.length === 0) {
        this.facts.imports.push({
          local,
          module: source.module,
          imported: property,
          line: source.line,
        });
        continue;
      }
      this.facts.bindings[local] = {
        k: 'member',
        of: source,
        path: [property],
        text: this.text(element),
        line: lineAt(element, this.sourceFile),
      };
      if (exported) {
        this.facts.exports[local] = local;
      }
    }
  }

  private enum(decl: ts.EnumDeclaration): Expr {
    const props: [string, Expr][] = [];
    let next = 0;
    for (const member of decl.members) {
      const name = this.text(member.name);
      if (member.initializer) {
        const value = this.expr(member.initializer);
        props.push([name, value]);
        next =
          value.k === 'lit' && typeof value.v === 'number' ? value.v + 1 : next;
      } else {
        const line = lineAt(member, this.sourceFile);
        props.push([name, { k: 'lit', v: next, text: String(next), line }]);
        next += 1;
      }
    }
    return {
      k: 'obj',
      props,
      spreads: [],
      text: shortTextOf(decl, this.sourceFile),
      line: lineAt(decl, this.sourceFile),
    };
  }

  private declare(
    decl: ts.Declaration,
    name: string | undefined,
    value: Expr,
  ): void {
    const bindingName = name ?? 'default';
    this.facts.bindings[bindingName] = value;
    const exported = hasModifier(decl, ts.SyntaxKind.ExportKeyword);
    if (exported && hasModifier(decl, ts.SyntaxKind.DefaultKeyword)) {
      this.facts.exports.default = bindingName;
    } else if (exported && name) {
      this.facts.exports[name] = name;
    }
  }

  private functionDeclaration(decl: ts.FunctionDeclaration): void {
    const name = decl.name ? this.text(decl.name) : undefined;
    this.declare(decl, name, this.fn(decl, `function ${name ?? ''}`));
  }

  /** A function or method with what it returns, when that is one expression. */
  private fn(decl: ts.FunctionLikeDeclaration, text: string): Expr {
    return {
      k: 'fn',
      params: decl.parameters.map((param) => this.text(param.name)),
      body: returnedExprOf(decl, this.sourceFile),
      text,
      line: lineAt(decl, this.sourceFile),
    };
  }

  private classDeclaration(decl: ts.ClassDeclaration): void {
    const name = decl.name ? this.text(decl.name) : undefined;
    const heritage = decl.heritageClauses
      ?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)
      ?.types.at(0);
    const ctor = constructorsOf(decl).at(0);
    const superCall = ctor
      ? firstDescendant(
          ctor,
          (node): node is ts.CallExpression =>
            ts.isCallExpression(node) &&
            node.expression.kind === ts.SyntaxKind.SuperKeyword,
        )
      : undefined;
    this.declare(decl, name, {
      k: 'class',
      name: name ?? 'default',
      extends: heritage ? this.expr(heritage.expression) : null,
      ctorParams: ctor?.parameters.map((param) => this.text(param.name)) ?? [],
      superArgs: superCall
        ? superCall.arguments.map((arg) => this.expr(arg))
        : null,
      ...this.staticsOf(decl),
      text: `class ${name ?? ''}`,
      line: lineAt(decl, this.sourceFile),
    });
  }

  /**
   * A class's static members, for `Adapter.defaultClient` and the like: a
   * client held by the class itself is reached through them.
   */
  private staticsOf(
    decl: ts.ClassDeclaration,
  ): { statics: Record<string, Expr> } | Record<string, never> {
    const statics: Record<string, Expr> = {};
    for (const member of decl.members) {
      if (!hasModifier(member, ts.SyntaxKind.StaticKeyword) || !member.name) {
        continue;
      }
      const name = propertyNameOf(member.name, this.sourceFile);
      const value = name === undefined ? undefined : this.staticValue(member);
      if (name !== undefined && value) {
        statics[name] = value;
      }
    }
    return Object.keys(statics).length > 0 ? { statics } : {};
  }

  private staticValue(member: ts.ClassElement): Expr | undefined {
    if (ts.isPropertyDeclaration(member)) {
      return member.initializer ? this.expr(member.initializer) : undefined;
    }
    if (ts.isGetAccessorDeclaration(member)) {
      // The last return: earlier ones are the fallbacks of an `if`.
      const last = member.body?.statements
        .filter(ts.isReturnStatement)
        .at(-1)?.expression;
      return last ? this.expr(last) : undefined;
    }
    if (ts.isMethodDeclaration(member)) {
      return this.fn(member, shortTextOf(member, this.sourceFile));
    }
    return undefined;
  }

  /** `module.exports = {...}`, `module.exports.X = ...` and `exports.X = ...`. */
  private commonJsExport(expression: ts.Expression): void {
    if (
      !ts.isBinaryExpression(expression) ||
      expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken
    ) {
      return;
    }
    const target = this.text(expression.left);
    const value = this.expr(expression.right);
    const { bindings, exports } = this.facts;
    if (target === 'module.exports') {
      bindings['module.exports'] = value;
      exports.default = 'module.exports';
      if (value.k === 'obj') {
        for (const [name] of value.props) {
          exports[name] ??= `module.exports.${name}`;
          bindings[`module.exports.${name}`] = value.props.findLast(
            ([n]) => n === name,
          )![1];
        }
      }
      return;
    }
    const match = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
    if (match?.[1]) {
      bindings[`exports.${match[1]}`] = value;
      exports[match[1]] = `exports.${match[1]}`;
    }
  }
}

/** A module specifier's value; a malformed one as written. */
function moduleText(
  specifier: ts.Expression,
  sourceFile: ts.SourceFile,
): string {
  return ts.isStringLiteralLike(specifier)
    ? specifier.text
    : specifier.getText(sourceFile);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false)
  );
}
