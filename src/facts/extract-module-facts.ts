import { lineOf } from './line-of.js';
import { Node, SyntaxKind } from 'ts-morph';
import type {
  ClassDeclaration,
  EnumDeclaration,
  ExportAssignment,
  ExportDeclaration,
  FunctionDeclaration,
  ImportDeclaration,
  ObjectBindingPattern,
  SourceFile,
  VariableStatement,
} from 'ts-morph';
import type { Expr } from './expr.js';
import { extractLoads } from './extract-loads.js';
import { returnedExpr, shortText, toExpr } from './to-expr.js';
import type { FileFacts, ImportFact, ReExportFact } from './types.js';

type ModuleFacts = Omit<FileFacts, 'file' | 'items'>;

/** Imports, exports and top-level bindings of one file. */
export function extractModuleFacts(sourceFile: SourceFile): ModuleFacts {
  const facts: ModuleFacts = {
    imports: [],
    exports: {},
    reExports: [],
    bindings: {},
  };
  for (const statement of sourceFile.getStatements()) {
    if (Node.isImportDeclaration(statement)) {
      facts.imports.push(...importsOf(statement));
    } else if (Node.isExportDeclaration(statement)) {
      exportDeclaration(statement, facts);
    } else if (Node.isExportAssignment(statement)) {
      exportAssignment(statement, facts);
    } else if (Node.isVariableStatement(statement)) {
      variableStatement(statement, facts);
    } else if (Node.isEnumDeclaration(statement)) {
      declareBinding(
        statement,
        statement.getName(),
        enumExpr(statement),
        facts,
      );
    } else if (Node.isFunctionDeclaration(statement)) {
      functionDeclaration(statement, facts);
    } else if (Node.isClassDeclaration(statement)) {
      classDeclaration(statement, facts);
    } else if (Node.isExpressionStatement(statement)) {
      commonJsExport(statement.getExpression(), facts);
    }
  }
  const loads = extractLoads(sourceFile);
  if (loads.length > 0) {
    facts.loads = loads;
  }
  return facts;
}

function importsOf(decl: ImportDeclaration): ImportFact[] {
  const module = decl.getModuleSpecifierValue();
  const line = lineOf(decl);
  const imports: ImportFact[] = [];
  const defaultImport = decl.getDefaultImport();
  if (defaultImport) {
    imports.push({
      local: defaultImport.getText(),
      module,
      imported: 'default',
      line,
    });
  }
  const namespace = decl.getNamespaceImport();
  if (namespace) {
    imports.push({ local: namespace.getText(), module, imported: '*', line });
  }
  for (const named of decl.getNamedImports()) {
    const local = named.getAliasNode()?.getText() ?? named.getName();
    imports.push({ local, module, imported: named.getName(), line });
  }
  return imports;
}

function exportDeclaration(decl: ExportDeclaration, facts: ModuleFacts): void {
  const module = decl.getModuleSpecifierValue();
  const named = decl.getNamedExports();
  if (module === undefined) {
    for (const spec of named) {
      const exported = spec.getAliasNode()?.getText() ?? spec.getName();
      facts.exports[exported] = spec.getName();
    }
    return;
  }
  const reExport: ReExportFact = { module };
  if (named.length > 0 || decl.getNamespaceExport()) {
    reExport.names = {};
    for (const spec of named) {
      const exported = spec.getAliasNode()?.getText() ?? spec.getName();
      reExport.names[exported] = spec.getName();
    }
    const namespace = decl.getNamespaceExport();
    if (namespace) {
      reExport.names[namespace.getName()] = '*';
    }
  }
  facts.reExports.push(reExport);
}

function exportAssignment(
  assignment: ExportAssignment,
  facts: ModuleFacts,
): void {
  const value = assignment.getExpression();
  if (Node.isIdentifier(value)) {
    facts.exports.default = value.getText();
    return;
  }
  facts.bindings['default'] = toExpr(value);
  facts.exports.default = 'default';
}

function variableStatement(
  statement: VariableStatement,
  facts: ModuleFacts,
): void {
  const exported = statement.hasExportKeyword();
  for (const decl of statement.getDeclarations()) {
    const nameNode = decl.getNameNode();
    const init = decl.getInitializer();
    if (Node.isIdentifier(nameNode)) {
      const name = nameNode.getText();
      const value = init ? toExpr(init) : undefined;
      if (
        value?.k === 'ext' &&
        value.name === 'default' &&
        value.path.length === 0
      ) {
        facts.imports.push({
          local: name,
          module: value.module,
          imported: 'default',
          line: value.line,
        });
        continue;
      }
      facts.bindings[name] = value ?? {
        k: 'dyn',
        text: name,
        line: lineOf(decl),
      };
      if (exported) {
        facts.exports[name] = name;
      }
    } else if (Node.isObjectBindingPattern(nameNode) && init) {
      destructuring(nameNode, toExpr(init), exported, facts);
    }
  }
}

/** `const { Queue, Worker: W } = require('bullmq')` and `const { a } = cfg`. */
function destructuring(
  pattern: ObjectBindingPattern,
  source: Expr,
  exported: boolean,
  facts: ModuleFacts,
): void {
  for (const element of pattern.getElements()) {
    const local = element.getName();
    const property = element.getPropertyNameNode()?.getText() ?? local;
    if (source.k === 'ext' && source.path.length === 0) {
      facts.imports.push({
        local,
        module: source.module,
        imported: property,
        line: source.line,
      });
      continue;
    }
    facts.bindings[local] = {
      k: 'member',
      of: source,
      path: [property],
      text: element.getText(),
      line: lineOf(element),
    };
    if (exported) {
      facts.exports[local] = local;
    }
  }
}

function enumExpr(decl: EnumDeclaration): Expr {
  const props: [string, Expr][] = [];
  let next = 0;
  for (const member of decl.getMembers()) {
    const init = member.getInitializer();
    const line = lineOf(member);
    if (init) {
      const value = toExpr(init);
      props.push([member.getName(), value]);
      next =
        value.k === 'lit' && typeof value.v === 'number' ? value.v + 1 : next;
    } else {
      props.push([
        member.getName(),
        { k: 'lit', v: next, text: String(next), line },
      ]);
      next += 1;
    }
  }
  return {
    k: 'obj',
    props,
    spreads: [],
    text: shortText(decl),
    line: lineOf(decl),
  };
}

function declareBinding(
  // The modifiers, not isExported(): that one builds a type checker.
  decl: { hasExportKeyword(): boolean; hasDefaultKeyword(): boolean },
  name: string | undefined,
  value: Expr,
  facts: ModuleFacts,
): void {
  const bindingName = name ?? 'default';
  facts.bindings[bindingName] = value;
  if (decl.hasExportKeyword() && decl.hasDefaultKeyword()) {
    facts.exports.default = bindingName;
  } else if (decl.hasExportKeyword() && name) {
    facts.exports[name] = name;
  }
}

function functionDeclaration(
  decl: FunctionDeclaration,
  facts: ModuleFacts,
): void {
  const value: Expr = {
    k: 'fn',
    params: decl.getParameters().map((param) => param.getName()),
    body: returnedExpr(decl),
    text: `function ${decl.getName() ?? ''}`,
    line: lineOf(decl),
  };
  declareBinding(decl, decl.getName(), value, facts);
}

function classDeclaration(decl: ClassDeclaration, facts: ModuleFacts): void {
  const heritage = decl.getExtends();
  const ctor = decl.getConstructors()[0];
  const superCall = ctor
    ?.getDescendantsOfKind(SyntaxKind.CallExpression)
    .find((call) => call.getExpression().getKind() === SyntaxKind.SuperKeyword);
  const value: Expr = {
    k: 'class',
    name: decl.getName() ?? 'default',
    extends: heritage ? toExpr(heritage.getExpression()) : null,
    ctorParams: ctor?.getParameters().map((param) => param.getName()) ?? [],
    superArgs: superCall
      ? superCall.getArguments().map((arg) => toExpr(arg))
      : null,
    text: `class ${decl.getName() ?? ''}`,
    line: lineOf(decl),
  };
  declareBinding(decl, decl.getName(), value, facts);
}

/** `module.exports = {...}`, `module.exports.X = ...` and `exports.X = ...`. */
function commonJsExport(expression: Node, facts: ModuleFacts): void {
  if (!Node.isBinaryExpression(expression)) {
    return;
  }
  if (expression.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) {
    return;
  }
  const target = expression.getLeft().getText();
  const value = toExpr(expression.getRight());
  if (target === 'module.exports') {
    facts.bindings['module.exports'] = value;
    facts.exports.default = 'module.exports';
    if (value.k === 'obj') {
      for (const [name] of value.props) {
        facts.exports[name] ??= `module.exports.${name}`;
        facts.bindings[`module.exports.${name}`] = value.props.findLast(
          ([n]) => n === name,
        )![1];
      }
    }
    return;
  }
  const match = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
  if (match?.[1]) {
    facts.bindings[`exports.${match[1]}`] = value;
    facts.exports[match[1]] = `exports.${match[1]}`;
  }
}
