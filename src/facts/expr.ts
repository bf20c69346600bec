import type { JsonPrimitive } from '../model/types.js';

/**
 * A serializable picture of a source expression, taken from one file without
 * the type checker. Names that point elsewhere stay as `ref` and are resolved
 * across files later (see `resolve-expr.ts`), which is what lets per-file
 * facts be cached by content hash.
 *
 * Every node keeps its source `text` and 1-based `line`, so a value that
 * cannot be resolved is still reported as written, never invented.
 */
export type Expr =
  | LitExpr
  | RefExpr
  | TplExpr
  | ObjExpr
  | ArrExpr
  | CallExpr
  | NewExpr
  | FnExpr
  | ParamExpr
  | EachExpr
  | ExtExpr
  | BinExpr
  | ClassExpr
  | MemberExpr
  | DynExpr;

interface At {
  text: string;
  line: number;
  /** File the node was written in, when it differs from the citing file. */
  file?: string;
  /** Constant or config path this value was resolved through. */
  via?: string;
}

export interface LitExpr extends At {
  k: 'lit';
  v: JsonPrimitive;
}

/** A name, with an optional property path: `QueueNames.Email`, `cfg.a.b`. */
export interface RefExpr extends At {
  k: 'ref';
  name: string;
  path: string[];
}

/** A template literal or a `+` concatenation of strings. */
export interface TplExpr extends At {
  k: 'tpl';
  parts: Expr[];
}

export interface ObjExpr extends At {
  k: 'obj';
  props: [string, Expr][];
  spreads: Expr[];
}

export interface ArrExpr extends At {
  k: 'arr';
  items: Expr[];
}

export interface CallExpr extends At {
  k: 'call';
  callee: Expr;
  args: Expr[];
}

export interface NewExpr extends At {
  k: 'new';
  callee: Expr;
  args: Expr[];
}

/** A function whose body is (or returns) one expression: key helpers. */
export interface FnExpr extends At {
  k: 'fn';
  params: string[];
  body: Expr | null;
}

/** A parameter of the enclosing function, substituted at call sites. */
export interface ParamExpr extends At {
  k: 'param';
  name: string;
  index: number;
  /** Class whose constructor declares it, for wrapper classes. */
  owner?: string;
  /** Top-level function that declares it, for factory functions. */
  fn?: string;
}

/** Every value of an iterable: `for (const q of Object.values(Queues))`. */
export interface EachExpr extends At {
  k: 'each';
  of: Expr;
}

/** A binding imported from a package: `import { Queue } from 'bullmq'`. */
export interface ExtExpr extends At {
  k: 'ext';
  module: string;
  /** Export name, `default`, or `*` for a namespace import. */
  name: string;
  path: string[];
}

/** Arithmetic on numbers: `60 * 1000`, `MINUTE * 5`. */
export interface BinExpr extends At {
  k: 'bin';
  op: '+' | '-' | '*' | '/';
  left: Expr;
  right: Expr;
}

/** A class declaration, kept so wrapper classes resolve to the library. */
export interface ClassExpr extends At {
  k: 'class';
  name: string;
  extends: Expr | null;
  ctorParams: string[];
  /** Arguments the constructor passes to `super()`, in terms of ctorParams. */
  superArgs: Expr[] | null;
  /**
   * Static members and what they hold: a property's initializer, what a
   * getter returns last (`return this.client ??= new this(url)`), a method.
   */
  statics?: Record<string, Expr>;
}

/** A property path on something other than a name: `opts.queue` of a param. */
export interface MemberExpr extends At {
  k: 'member';
  of: Expr;
  path: string[];
}

/** Truly dynamic: kept as written. */
export interface DynExpr extends At {
  k: 'dyn';
}

export function dyn(text: string, line: number): DynExpr {
  return { k: 'dyn', text, line };
}

/** The string value of a fully resolved expression, if it has one. */
export function stringOf(expr: Expr | undefined): string | undefined {
  if (expr?.k === 'lit' && typeof expr.v === 'string') {
    return expr.v;
  }
  return undefined;
}

/** The number value of a fully resolved expression, if it has one. */
export function numberOf(expr: Expr | undefined): number | undefined {
  if (expr?.k === 'lit' && typeof expr.v === 'number') {
    return expr.v;
  }
  return undefined;
}

/**
 * A string pattern with dynamic parts in braces: `session:{userId}`.
 * Literal parts are kept; anything unresolved shows its source text.
 */
export function patternOf(expr: Expr): string {
  if (expr.k === 'lit') {
    return expr.v === null ? 'null' : String(expr.v);
  }
  if (expr.k === 'tpl') {
    return expr.parts.map((part) => patternOf(part)).join('');
  }
  return `{${expr.text}}`;
}

/** Looks up a property of an object expression by name. */
export function propOf(expr: Expr | undefined, name: string): Expr | undefined {
  if (expr?.k !== 'obj') {
    return undefined;
  }
  for (let i = expr.props.length - 1; i >= 0; i--) {
    const prop = expr.props[i];
    if (prop && prop[0] === name) {
      return prop[1];
    }
  }
  return undefined;
}

/** Follows a dotted path (`backoff.delay`) through nested object expressions. */
export function pathOf(expr: Expr | undefined, path: string): Expr | undefined {
  let current = expr;
  for (const name of path.split('.')) {
    current = propOf(current, name);
  }
  return current;
}

/**
 * Applies a property path to an expression converted from a file: into a
 * `ref` or `ext`, through a literal object's properties, or as `member`.
 */
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
