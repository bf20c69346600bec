import type { ArchitectureModel } from '../../model/types.js';
import type { BuildContext } from '../types.js';
import { buildHandlers } from './build-handlers.js';
import { consumerEntries, unclosedConsumers } from './build-unclosed.js';
import type { RawShutdownFact } from './types.js';

/** Shutdown handlers with what they close, and the workers none of them closes. */
export function buildShutdown(
  context: BuildContext<RawShutdownFact>,
): Partial<ArchitectureModel> {
  const entries = consumerEntries(
    context.facts,
    context.model.queues,
    context.resolver,
  );
  const bindings = new Map<string, string>();
  for (const entry of entries.values()) {
    entry.bindings.forEach((binding) => bindings.set(binding, entry.resource));
  }
  const shutdown = buildHandlers(context.facts, context.resolver, bindings);
  return { shutdown, unclosed: unclosedConsumers(entries, shutdown) };
}
