import type { Resolver } from '../../facts/resolver.js';
import type { FailureHandling } from '../../model/types.js';
import { site } from '../shared/site.js';
import { queueNameOf, queueTargetOf } from './queue-target.js';
import type { RawMonitor } from './types.js';

const TOOL_NAMES: Record<string, string> = {
  'bull-board': 'bull-board',
  'bull-arena': 'Arena',
  'prom-client': 'Prometheus (prom-client)',
};

export function buildMonitor(
  fact: RawMonitor,
  file: string,
  resolver: Resolver,
): FailureHandling {
  const names = fact.queues.map((expr) => {
    const resolved = resolver.resolve(expr, file);
    return queueTargetOf(resolved)?.name ?? queueNameOf(resolved);
  });
  const tool = TOOL_NAMES[fact.tool] ?? fact.tool;
  const only = names.length === 1 ? names[0] : undefined;
  return {
    kind: 'monitoring',
    ...(only === undefined ? {} : { queue: only }),
    detail: monitorDetail(fact.tool, tool, names),
    sites: [site(file, fact.line, 'monitoring')],
  };
}

function monitorDetail(id: string, tool: string, names: string[]): string {
  const list = names.join(', ');
  if (id === 'prom-client') {
    return `job counts${list ? ` of ${list}` : ''} are exported to ${tool}`;
  }
  if (id === 'bull-board' || id === 'bull-arena') {
    return list
      ? `${list} ${names.length === 1 ? 'is' : 'are'} shown on ${tool}`
      : `queues are shown on ${tool}`;
  }
  return `queue metrics are exported with ${tool}`;
}
