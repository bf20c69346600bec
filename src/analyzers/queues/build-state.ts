import type { Logger } from 'pino';
import type { Resolver } from '../../facts/resolver.js';
import type { ImportGraph } from '../../pipeline/import-graph.js';
import type { Schedule } from '../../model/types.js';
import type { WrapperCall } from './build-wrappers.js';
import type { NestDefaults, QueueTable } from './queue-table.js';

/** What the build steps share while they read one tree's queue facts. */
export interface BuildState {
  resolver: Resolver;
  table: QueueTable;
  schedules: Schedule[];
  nestDefaults: NestDefaults[];
  log: Logger;
  /** Calls of wrapper methods anywhere, gathered before constructions are read. */
  wrapperCalls: WrapperCall[];
  /** Who imports whom, for the subclasses of a wrapper's owner. */
  importGraph: ImportGraph;
  /** Files a queue library's classes can be reached through (see `ImportGraph.reaching`). */
  libraryReach: ReadonlySet<string>;
}
