import type { ArchitectureModel, FailureHandling } from '../../model/types.js';
import { uniqueSites } from '../shared/site.js';
import type { BuildContext } from '../types.js';
import { buildListener } from './build-listener.js';
import { buildMonitor } from './build-monitor.js';
import { buildProcessor } from './build-processor.js';
import type { RawFailureFact } from './types.js';

/** Ties each listener, processor and monitor to its queue across files. */
export function buildFailureHandling(
  context: BuildContext<RawFailureFact>,
): Partial<ArchitectureModel> {
  const found: FailureHandling[] = [];
  for (const { file, items } of context.facts) {
    for (const fact of items) {
      if (fact.type === 'listener') {
        found.push(...buildListener(fact, file, context.resolver));
      } else if (fact.type === 'processor') {
        found.push(
          ...buildProcessor(fact, file, context.resolver, context.model.queues),
        );
      } else {
        found.push(buildMonitor(fact, file, context.resolver));
      }
    }
  }
  return { failureHandling: merged(found) };
}

/** One item per mechanism: the same finding seen twice keeps both sites. */
function merged(items: FailureHandling[]): FailureHandling[] {
  const byKey = new Map<string, FailureHandling>();
  for (const item of items) {
    const key = JSON.stringify([item.kind, item.queue ?? null, item.detail]);
    const known = byKey.get(key);
    if (known) {
      known.sites = uniqueSites([...known.sites, ...item.sites]);
    } else {
      byKey.set(key, { ...item, sites: uniqueSites(item.sites) });
    }
  }
  return [...byKey.values()];
}
