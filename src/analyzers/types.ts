import type { Logger } from 'pino';
import type { GuardedKeyword } from '../facts/candidate-test.js';
import type { Expr } from '../facts/expr.js';
import type { ParsedFile } from '../facts/parsed-file.js';
import type { Resolver } from '../facts/resolver.js';
import type { FileFacts } from '../facts/types.js';
import type { ArchitectureModel } from '../model/types.js';
import type { ImportGraph } from '../pipeline/import-graph.js';

/** The raw facts one analyzer took from one file. */
export interface FileItems<TItem> {
  file: string;
  items: TItem[];
}

/** What an analyzer's `build` step can see. */
export interface BuildContext<TItem> {
  /** This analyzer's raw facts, one entry per file that had any. */
  facts: FileItems<TItem>[];
  /** Every file's facts, for analyzers that read another analyzer's items. */
  allFacts: FileFacts[];
  resolver: Resolver;
  /** The model as built by the analyzers listed before this one. */
  model: Readonly<ArchitectureModel>;
  /**
   * Non-code files by path: package.json, Procfile, Dockerfiles, compose
   * files and Kubernetes manifests, as text.
   */
  manifests: ReadonlyMap<string, string>;
  /** Who imports whom, over every source file in the tree (not only candidates). */
  importGraph: ImportGraph;
  log: Logger;
}

/**
 * One analyzer: a folder under `src/analyzers/` with `index.ts` exporting
 * this, `extract.ts` (per-file facts) and `build.ts` (resolution across
 * files into model items). Listed in `registry.ts`.
 */
export interface Analyzer<TItem = unknown> {
  id: string;
  /**
   * A file is parsed only if its text contains one of these strings, or it
   * imports a local module that does. They must cover every construct
   * `extract` recognizes: the pre-filter may never drop a file that matters.
   */
  keywords: readonly string[];
  /** Keywords that count only at the start of a word (`cron`, not `Micronesia`). */
  wordKeywords?: readonly string[];
  /**
   * Keywords that count only in code, not in a string other than an import
   * specifier: `redis` in a client's name, not in a URL or a page title.
   */
  codeKeywords?: readonly string[];
  /** Keywords that count where a cheap test of the text says `extract` may use them. */
  guardedKeywords?: readonly GuardedKeyword[];
  /** Modules whose import alone makes a file a candidate (`ws`, a word too short to search for). */
  modules?: readonly string[];
  /** Raw, serializable facts from one parsed file. */
  extract(file: ParsedFile): TItem[];
  /** Resolves the raw facts across files into this analyzer's model part. */
  build(context: BuildContext<TItem>): Partial<ArchitectureModel>;
}

/** Re-exported for analyzers' convenience. */
export type { Expr, ParsedFile };
