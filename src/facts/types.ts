import type { Expr } from './expr.js';

/** One import binding: `import { Queue as Q } from 'bullmq'` gives Q. */
export interface ImportFact {
  local: string;
  module: string;
  /** Export name, `default`, or `*` for a namespace import. */
  imported: string;
  line: number;
}

/** `export { a as b } from './x'` or `export * from './x'`. */
export interface ReExportFact {
  module: string;
  /** exported name -> name in the module; undefined for `export *`. */
  names?: Record<string, string>;
}

/**
 * A module loaded without named bindings: `import './x'` and a bare
 * `require('./x')` run its top level; `import('./x')` and a `require` whose
 * result is used may reach any of its exports.
 */
export interface LoadFact {
  module: string;
  line: number;
  dynamic: boolean;
}

/** A call of a top-level or imported function: where factories get their arguments. */
export interface LocalCallFact {
  /** The local name called. */
  callee: string;
  args: Expr[];
  line: number;
}

/**
 * Everything an analysis needs from one file, taken from its syntax alone.
 * Plain JSON, so it can be cached by the file's content hash and shared by
 * base and head, and by every pull request on the same repository.
 */
export interface FileFacts {
  file: string;
  imports: ImportFact[];
  /** exported name -> local binding name (`default` for default exports). */
  exports: Record<string, string>;
  reExports: ReExportFact[];
  /** Side-effect and dynamic loads, for following entry points' imports. */
  loads?: LoadFact[];
  /** Top-level constants, enums, functions and classes. */
  bindings: Record<string, Expr>;
  /** Calls of top-level and imported functions, in candidate files. */
  calls?: LocalCallFact[];
  /** Raw facts per analyzer id, resolved across files by its `build`. */
  items: Record<string, unknown[]>;
}
