import type { ArchitectureModel, Schedule } from '../../model/types.js';
import type { BuildContext } from '../types.js';
import { uniqueSites } from '../shared/site.js';
import { addConstruct } from './build-constructs.js';
import { addMethodCall } from './build-methods.js';
import { addNestModule, addNestProcessor } from './build-nest.js';
import type { BuildState } from './build-state.js';
import { isQueueModule } from './library-target.js';
import { queueRedisKeys } from './queue-redis-keys.js';
import { QueueTable } from './queue-table.js';
import type { QueueItem } from './types.js';

/** Queues, their repeatable jobs and the Redis keys the libraries own. */
export function buildQueues(
  context: BuildContext<QueueItem>,
): Partial<ArchitectureModel> {
  const state: BuildState = {
    resolver: context.resolver,
    table: new QueueTable(),
    schedules: [],
    nestDefaults: [],
    log: context.log,
    wrapperCalls: context.facts.flatMap(({ file, items }) =>
      items.flatMap((item) =>
        item.kind === 'wrapper-call' ? [{ file, item }] : [],
      ),
    ),
    importGraph: context.importGraph,
    libraryReach: context.importGraph.reaching(isQueueModule),
  };
  for (const { file, items } of context.facts) {
    for (const item of items) {
      addItem(state, item, file);
    }
  }

  const queues = state.table.rows(state.nestDefaults);
  return {
    queues,
    schedules: mergeSchedules(state.schedules),
    redisKeys: queueRedisKeys(queues),
  };
}

function addItem(state: BuildState, item: QueueItem, file: string): void {
  switch (item.kind) {
    case 'construct':
      addConstruct(state, item, file);
      return;
    case 'method':
      addMethodCall(state, item, file);
      return;
    case 'nest-module':
      addNestModule(state, item, file);
      return;
    case 'nest-processor':
      addNestProcessor(state, item, file);
      return;
    case 'wrapper-call':
      return;
  }
}

/** One schedule per (kind, expression, task), citing every site that adds it. */
function mergeSchedules(schedules: Schedule[]): Schedule[] {
  const byKey = new Map<string, Schedule>();
  for (const schedule of schedules) {
    const key = `${schedule.kind}\u0000${schedule.expression}\u0000${schedule.task}`;
    const known = byKey.get(key);
    if (known) {
      known.sites = uniqueSites([...known.sites, ...schedule.sites]);
    } else {
      byKey.set(key, { ...schedule, sites: uniqueSites(schedule.sites) });
    }
  }
  return [...byKey.values()].sort(
    (a, b) =>
      a.task.localeCompare(b.task) ||
      a.expression.localeCompare(b.expression) ||
      a.kind.localeCompare(b.kind),
  );
}
