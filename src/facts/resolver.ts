import type { Expr, FnExpr } from './expr.js';
import { dyn, propOf } from './expr.js';
import type { FileFacts } from './types.js';

/** How the resolver reaches other files' facts. */
export interface FactsLookup {
  /** Facts of a file by tree path, taken on demand. */
  factsOf(path: string): FileFacts | undefined;
  /** The tree path an import specifier points to, for local modules. */
  resolveModule(from: string, specifier: string): string | undefined;
  /** Facts of every candidate file, for finding call sites. */
  candidates?(): Iterable<FileFacts>;
  /** Facts already taken, without parsing anything new. */
  parsedFactsOf?(path: string): FileFacts | undefined;
  /**
   * A cheap text test: false when `path` certainly does not export `name`
   * (its text never mentions the name and it re-exports nothing).
   */
  mayExport?(path: string, name: string): boolean;
  /**
   * A cheap text test: false when `path` certainly re-exports nothing, so
   * every name it exports is bound in the file itself.
   */
  mayReExport?(path: string): boolean;
  /**
   * `path` and the files importing it, directly or not: the only files
   * whose names can resolve to something `path` declares.
   */
  leadingTo?(path: string): ReadonlySet<string>;
}

/** One call of a factory function, with its parameters bound to the arguments. */
export interface CallSite {
  file: string;
  line: number;
  env: ReadonlyMap<string, Expr>;
}

/** Resolution stops here: deeper chains of constants are kept as written. */
const MAX_DEPTH = 40;

type Env = ReadonlyMap<string, Expr>;
const EMPTY_ENV: Env = new Map();

/**
 * Resolves `Expr`s across files the way a careful reader would: constants,
 * enums, config objects, re-exports, helper functions that build keys and
 * wrapper classes that pass a name to `super()`. Whatever stays unknown is
 * kept as its source text.
 */
export class Resolver {
  private readonly bindingCache = new Map<string, Expr>();
  private readonly callSiteCache = new Map<string, CallSite[]>();

  constructor(private readonly lookup: FactsLookup) {}

  /** Resolves `expr`, written in `file`. */
  resolve(expr: Expr, file: string): Expr {
    return this.walk(expr, file, EMPTY_ENV, 0, new Set());
  }

  /**
   * Resolves `expr` and expands iteration: `for (const q of Object.values(Q))`
   * gives one expression per value of Q.
   */
  expand(expr: Expr, file: string): Expr[] {
    return this.expandResolved(this.resolve(expr, file), file);
  }

  /** Facts of a file by tree path, parsed on demand (for import graphs). */
  factsOf(path: string): FileFacts | undefined {
    return this.lookup.factsOf(path);
  }

  /** Facts already taken for `path`; never parses (unlike `factsOf`). */
  parsedFactsOf(path: string): FileFacts | undefined {
    return this.lookup.parsedFactsOf
      ? this.lookup.parsedFactsOf(path)
      : this.factsOf(path);
  }

  /**
   * False when `path` certainly does not export `name`, directly or through
   * `export *`; a cheap text test, so callers can skip parsing it.
   */
  mayExport(path: string, name: string): boolean {
    return this.lookup.mayExport?.(path, name) ?? true;
  }

  /**
   * False when `path` certainly re-exports nothing (no `export {` or
   * `export *` in its text); a cheap text test.
   */
  mayReExport(path: string): boolean {
    return this.lookup.mayReExport?.(path) ?? true;
  }

  /** The tree path an import specifier written in `from` points to. */
  resolveModule(from: string, specifier: string): string | undefined {
    return this.lookup.resolveModule(from, specifier);
  }

  /** Resolves `expr` with some parameters bound, as at one call site. */
  resolveWith(expr: Expr, file: string, env: ReadonlyMap<string, Expr>): Expr {
    return this.walk(expr, file, env, 0, new Set());
  }

  /**
   * Every call of the top-level function `fn` of `file` found in the
   * candidate files, with its parameters bound to the resolved arguments.
   */
  callSitesOf(file: string, fn: string): CallSite[] {
    const key = `${file}#${fn}`;
    const cached = this.callSiteCache.get(key);
    if (cached) {
      return cached;
    }
    const target = this.nameValue(fn, file, 0, new Set());
    const sites: CallSite[] = [];
    if (target?.k === 'fn') {
      const home = target.file ?? file;
      const leading = this.lookup.leadingTo?.(home);
      for (const facts of this.lookup.candidates?.() ?? []) {
        if (leading && !leading.has(facts.file)) {
          continue;
        }
        for (const call of facts.calls ?? []) {
          if (leading && !mayCall(facts, call.callee, home, leading, this)) {
            continue;
          }
          const callee = this.nameValue(call.callee, facts.file, 0, new Set());
          if (
            callee?.k !== 'fn' ||
            callee.file !== target.file ||
            callee.line !== target.line
          ) {
            continue;
          }
          const args = call.args.map((arg) =>
            withFile(this.resolve(arg, facts.file), facts.file),
          );
          sites.push({
            file: facts.file,
            line: call.line,
            env: bind(target, args),
          });
        }
      }
    }
    this.callSiteCache.set(key, sites);
    return sites;
  }

  /** The value a file exports under `name`, resolved. */
  exported(file: string, name: string): Expr | undefined {
    return this.exportedValue(file, name, 0, new Set());
  }

  private expandResolved(expr: Expr, file: string): Expr[] {
    if (expr.k === 'each') {
      return this.itemsOf(expr.of, file);
    }
    if (expr.k === 'member' && expr.of.k === 'each') {
      return this.itemsOf(expr.of.of, file).map((item) =>
        applyPath(item, expr.path, expr.text, expr.line),
      );
    }
    return [expr];
  }

  private itemsOf(iterable: Expr, file: string): Expr[] {
    if (iterable.k === 'arr') {
      return iterable.items;
    }
    if (
      iterable.k === 'call' &&
      iterable.callee.k === 'ext' &&
      iterable.callee.name === 'Object'
    ) {
      const target = iterable.args[0];
      const method = iterable.callee.path[0];
      if (target?.k === 'obj') {
        if (method === 'values') {
          return target.props.map(([, value]) => value);
        }
        if (method === 'keys') {
          return target.props.map(([key]) => literal(key, iterable));
        }
      }
    }
    return [dyn(iterable.text, iterable.line)].map((d) => ({
      ...d,
      file: iterable.file ?? file,
    }));
  }

  private walk(
    expr: Expr,
    file: string,
    env: Env,
    depth: number,
    seen: Set<string>,
  ): Expr {
    if (depth > MAX_DEPTH) {
      return dyn(expr.text, expr.line);
    }
    const next = depth + 1;
    switch (expr.k) {
      case 'lit':
      case 'dyn':
      case 'ext':
        return expr;
      case 'fn':
      case 'class':
        return expr.file ? expr : { ...expr, file };
      case 'param':
        return env.get(expr.name) ?? expr;
      case 'ref':
        return this.walkRef(expr, file, next, seen);
      case 'member':
        return this.members(
          this.walk(expr.of, file, env, next, seen),
          expr,
          file,
          next,
          seen,
        );
      case 'each':
        return { ...expr, of: this.walk(expr.of, file, env, next, seen) };
      case 'arr':
        return {
          ...expr,
          items: expr.items.map((item) =>
            this.walk(item, file, env, next, seen),
          ),
        };
      case 'obj':
        return this.walkObject(expr, file, env, next, seen);
      case 'tpl':
        return concat(
          expr,
          expr.parts.map((part) => this.walk(part, file, env, next, seen)),
        );
      case 'bin':
        return arithmetic(
          expr,
          this.walk(expr.left, file, env, next, seen),
          this.walk(expr.right, file, env, next, seen),
        );
      case 'call':
        return this.walkCall(expr, file, env, next, seen);
      case 'new':
        return this.walkNew(expr, file, env, next, seen);
    }
  }

  private walkRef(
    expr: Extract<Expr, { k: 'ref' }>,
    file: string,
    depth: number,
    seen: Set<string>,
  ): Expr {
    if (expr.name === 'Object' && expr.path.length > 0) {
      return {
        k: 'ext',
        module: 'global',
        name: 'Object',
        path: expr.path,
        text: expr.text,
        line: expr.line,
      };
    }
    const namespace = this.namespaceImport(expr.name, file);
    if (namespace !== undefined && expr.path.length > 0) {
      const [first, ...rest] = expr.path;
      const value =
        first === undefined
          ? undefined
          : this.exportedValue(namespace, first, depth, seen);
      return value
        ? atUse(
            this.members(value, { ...expr, path: rest }, file, depth, seen),
            expr,
          )
        : dyn(expr.text, expr.line);
    }
    const value = this.nameValue(expr.name, file, depth, seen);
    if (!value) {
      return dyn(expr.text, expr.line);
    }
    return atUse(this.members(value, expr, file, depth, seen), expr);
  }

  /**
   * `base` followed along `at.path`: a class's static members are resolved
   * in the class's file (`Adapter.defaultClient` is what its getter
   * returns), anything else as `applyPath` reads it.
   */
  private members(
    base: Expr,
    at: Expr & { path: string[] },
    file: string,
    depth: number,
    seen: Set<string>,
  ): Expr {
    let value = base;
    let path = at.path;
    for (let hops = 0; value.k === 'class' && hops < 4; hops++) {
      const [first, ...rest] = path;
      const held = first === undefined ? undefined : value.statics?.[first];
      if (!held) {
        break;
      }
      value = this.walk(held, value.file ?? file, EMPTY_ENV, depth + 1, seen);
      path = rest;
    }
    return applyPath(value, path, at.text, at.line);
  }

  private namespaceImport(name: string, file: string): string | undefined {
    const facts = this.lookup.factsOf(file);
    const fact = facts?.imports.find((imp) => imp.local === name);
    if (fact?.imported !== '*') {
      return undefined;
    }
    return this.lookup.resolveModule(file, fact.module);
  }

  /** The value bound to a top-level name in `file`, through imports. */
  private nameValue(
    name: string,
    file: string,
    depth: number,
    seen: Set<string>,
  ): Expr | undefined {
    const facts = this.lookup.factsOf(file);
    if (!facts) {
      return undefined;
    }
    const binding = facts.bindings[name];
    if (binding) {
      return this.bindingValue(file, name, binding, depth, seen);
    }
    const fact = facts.imports.find((imp) => imp.local === name);
    if (!fact) {
      return undefined;
    }
    const target = this.lookup.resolveModule(file, fact.module);
    if (target === undefined) {
      return {
        k: 'ext',
        module: fact.module,
        name: fact.imported,
        path: [],
        text: name,
        line: fact.line,
      };
    }
    if (fact.imported === '*') {
      return undefined;
    }
    return this.exportedValue(target, fact.imported, depth, seen);
  }

  private bindingValue(
    file: string,
    name: string,
    binding: Expr,
    depth: number,
    seen: Set<string>,
  ): Expr | undefined {
    const key = `${file}#${name}`;
    const cached = this.bindingCache.get(key);
    if (cached) {
      return cached;
    }
    if (seen.has(key)) {
      return undefined;
    }
    seen.add(key);
    const value = withFile(
      this.walk(binding, file, EMPTY_ENV, depth, seen),
      file,
    );
    seen.delete(key);
    this.bindingCache.set(key, value);
    return value;
  }

  private exportedValue(
    file: string,
    name: string,
    depth: number,
    seen: Set<string>,
  ): Expr | undefined {
    const facts = this.lookup.factsOf(file);
    if (!facts || depth > MAX_DEPTH) {
      return undefined;
    }
    const local = facts.exports[name];
    if (local !== undefined) {
      return this.nameValue(local, file, depth + 1, seen);
    }
    for (const reExport of facts.reExports) {
      const found = this.reExported(file, reExport, name, depth, seen);
      if (found) {
        return found;
      }
    }
    return undefined;
  }

  private reExported(
    file: string,
    reExport: FileFacts['reExports'][number],
    name: string,
    depth: number,
    seen: Set<string>,
  ): Expr | undefined {
    const inner = reExport.names ? reExport.names[name] : name;
    if (inner === undefined || inner === '*') {
      return undefined;
    }
    const target = this.lookup.resolveModule(file, reExport.module);
    if (target === undefined) {
      return reExport.names
        ? {
            k: 'ext',
            module: reExport.module,
            name: inner,
            path: [],
            text: name,
            line: 1,
            file,
          }
        : undefined;
    }
    // Through `export *` every module of a barrel is a suspect; one whose
    // text never names `inner` (and re-exports nothing) is not parsed.
    if (!reExport.names && !this.mayExport(target, inner)) {
      return undefined;
    }
    return this.exportedValue(target, inner, depth + 1, seen);
  }

  private walkObject(
    expr: Extract<Expr, { k: 'obj' }>,
    file: string,
    env: Env,
    depth: number,
    seen: Set<string>,
  ): Expr {
    const props: [string, Expr][] = [];
    const spreads: Expr[] = [];
    for (const spread of expr.spreads) {
      const value = this.walk(spread, file, env, depth, seen);
      if (value.k === 'obj') {
        props.push(...value.props);
        spreads.push(...value.spreads);
      } else {
        spreads.push(value);
      }
    }
    for (const [name, value] of expr.props) {
      props.push([name, this.walk(value, file, env, depth, seen)]);
    }
    return { ...expr, props, spreads };
  }

  private walkCall(
    expr: Extract<Expr, { k: 'call' }>,
    file: string,
    env: Env,
    depth: number,
    seen: Set<string>,
  ): Expr {
    const callee = this.walk(expr.callee, file, env, depth, seen);
    const args = expr.args.map((arg) => this.walk(arg, file, env, depth, seen));
    if (callee.k === 'fn' && callee.body) {
      const result = this.walk(
        callee.body,
        callee.file ?? file,
        bind(callee, args),
        depth,
        seen,
      );
      return result.k === 'dyn'
        ? dyn(expr.text, expr.line)
        : atUse(result, expr);
    }
    return { ...expr, callee, args };
  }

  private walkNew(
    expr: Extract<Expr, { k: 'new' }>,
    file: string,
    env: Env,
    depth: number,
    seen: Set<string>,
  ): Expr {
    let callee = this.walk(expr.callee, file, env, depth, seen);
    let args = expr.args.map((arg) => this.walk(arg, file, env, depth, seen));
    // A wrapper class: `class EmailQueue extends Queue { constructor() { super('email') } }`.
    // Arguments passed to super() mix values written in the class's file and
    // at the call site, so each keeps the file it was written in.
    let argsFile = file;
    for (
      let hops = 0;
      callee.k === 'class' && callee.extends && hops < 8;
      hops++
    ) {
      const classFile = callee.file ?? file;
      const passed = args.map((arg) => withFile(arg, argsFile));
      const params = new Map(
        callee.ctorParams.map((name, i) => [
          name,
          passed[i] ?? dyn(name, expr.line),
        ]),
      );
      const parent = this.walk(
        callee.extends,
        classFile,
        EMPTY_ENV,
        depth,
        seen,
      );
      if (callee.superArgs) {
        args = callee.superArgs.map((arg) =>
          this.walk(arg, classFile, params, depth, seen),
        );
        argsFile = classFile;
      }
      callee = parent;
    }
    if (argsFile !== file) {
      args = args.map((arg) => withFile(arg, argsFile));
    }
    return { ...expr, callee, args };
  }
}

function bind(fn: FnExpr, args: Expr[]): Env {
  return new Map(
    fn.params.map((name, i) => [name, args[i] ?? dyn(name, fn.line)]),
  );
}

/** Keeps the citation at the use site while carrying the resolved value. */
function atUse(value: Expr, use: Expr): Expr {
  if (value.k === 'lit' || value.k === 'tpl' || value.k === 'bin') {
    return {
      ...value,
      text: use.text,
      line: use.line,
      file: use.file,
      via: value.via ?? use.text,
    };
  }
  return value;
}

function literal(value: string, at: Expr): Expr {
  return {
    k: 'lit',
    v: value,
    text: JSON.stringify(value),
    line: at.line,
    file: at.file,
  };
}

/** Applies a property path to a resolved expression. */
export function applyPath(
  base: Expr,
  path: string[],
  text: string,
  line: number,
): Expr {
  if (path.length === 0) {
    return base;
  }
  if (base.k === 'ext') {
    return { ...base, path: [...base.path, ...path], text, line };
  }
  if (base.k === 'each') {
    return { k: 'member', of: base, path, text, line };
  }
  if (base.k === 'obj') {
    const [first, ...rest] = path;
    const prop = first === undefined ? undefined : propOf(base, first);
    return prop ? applyPath(prop, rest, text, line) : dyn(text, line);
  }
  return dyn(text, line);
}

/** Marks every node of a value taken from `file` with that file. */
function withFile(expr: Expr, file: string): Expr {
  if (expr.file) {
    return expr;
  }
  const marked = { ...expr, file } as Expr;
  switch (marked.k) {
    case 'obj':
      marked.props = marked.props.map(([name, value]) => [
        name,
        withFile(value, file),
      ]);
      return marked;
    case 'arr':
      marked.items = marked.items.map((item) => withFile(item, file));
      return marked;
    case 'tpl':
      marked.parts = marked.parts.map((part) => withFile(part, file));
      return marked;
    case 'new':
    case 'call':
      marked.args = marked.args.map((arg) => withFile(arg, file));
      return marked;
    default:
      return marked;
  }
}

function concat(expr: Extract<Expr, { k: 'tpl' }>, parts: Expr[]): Expr {
  const flat: Expr[] = [];
  for (const part of parts) {
    if (part.k === 'tpl') {
      flat.push(...part.parts);
    } else {
      flat.push(part);
    }
  }
  if (flat.every((part) => part.k === 'lit')) {
    const value = flat
      .map((part) => (part.k === 'lit' ? String(part.v) : ''))
      .join('');
    const via = flat.some((part) => part.via) ? expr.text : undefined;
    return {
      k: 'lit',
      v: value,
      text: expr.text,
      line: expr.line,
      file: expr.file,
      via,
    };
  }
  return { ...expr, parts: flat };
}

function arithmetic(
  expr: Extract<Expr, { k: 'bin' }>,
  left: Expr,
  right: Expr,
): Expr {
  const at = { text: expr.text, line: expr.line, file: expr.file };
  const via = left.via || right.via ? expr.text : undefined;
  if (left.k === 'lit' && right.k === 'lit') {
    if (typeof left.v === 'number' && typeof right.v === 'number') {
      const v = compute(expr.op, left.v, right.v);
      return { k: 'lit', v, ...at, via };
    }
    if (expr.op === '+') {
      return { k: 'lit', v: `${String(left.v)}${String(right.v)}`, ...at, via };
    }
  }
  if (expr.op === '+' && (isStringy(left) || isStringy(right))) {
    return concat({ k: 'tpl', parts: [], ...at }, [left, right]);
  }
  return { ...expr, left, right };
}

function isStringy(expr: Expr): boolean {
  return (expr.k === 'lit' && typeof expr.v === 'string') || expr.k === 'tpl';
}

function compute(op: '+' | '-' | '*' | '/', a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
  }
}

/**
 * Whether `callee`, called in `facts.file`, can be the function declared
 * in `home`: resolving every call of every candidate parsed each module
 * its callees come from, while a call can only reach `home` through an
 * import leading there, of a module that can export that name, or be
 * `home`'s own function.
 */
function mayCall(
  facts: FileFacts,
  callee: string,
  home: string,
  leading: ReadonlySet<string>,
  resolver: Resolver,
): boolean {
  const imported = facts.imports.find((fact) => fact.local === callee);
  if (imported) {
    const target = resolver.resolveModule(facts.file, imported.module);
    const named = imported.imported !== 'default' && imported.imported !== '*';
    return (
      target !== undefined &&
      leading.has(target) &&
      // A module whose text cannot hold the name cannot hand it on.
      (!named || resolver.mayExport(target, imported.imported))
    );
  }
  return facts.bindings[callee]?.k !== 'fn' || facts.file === home;
}
