import type { ArchitectureModel, PushPath, Site } from '../../model/types.js';
import { site, uniqueSites } from '../shared/site.js';
import type { BuildContext, FileItems } from '../types.js';
import { adapterPaths } from './adapter-paths.js';
import { channelViews } from './channel-views.js';
import { relayPaths } from './relay-paths.js';
import type { PushItem } from './types.js';
import { unsharedPaths } from './unshared-paths.js';

/**
 * Push paths: how a message produced on one instance (often a queue
 * worker) reaches browsers connected to another, through a pub/sub relay
 * or a socket.io adapter, or the incomplete path when nothing carries it.
 */
export function buildPushPaths(
  context: BuildContext<PushItem>,
): Partial<ArchitectureModel> {
  const { facts, model, resolver } = context;
  const workers = workerFiles(model);
  const channels = channelViews(model, facts, resolver);

  const relays = relayPaths({
    facts,
    channels,
    workerFiles: workers,
    resolver,
  });
  const adapters = adapterPaths(facts, model, workers);
  const carried = new Set(
    [...relays, ...adapters].map((path) => path.transport),
  );
  const unshared = unsharedPaths(facts, carried, workers);

  const servers = serverSites(facts);
  const pushPaths = [...relays, ...adapters, ...unshared].map((path) =>
    withServers(path, servers),
  );
  context.log.debug({ pushPaths: pushPaths.length }, 'push paths built');
  return { pushPaths };
}

/** Files that run queue consumers, per the queues and processes analyzers. */
function workerFiles(model: Readonly<ArchitectureModel>): Set<string> {
  const consumers = model.queues.flatMap((q) =>
    q.sites.filter((s) => s.role === 'consumer'),
  );
  const workers = model.processes.flatMap((p) =>
    p.sites.filter((s) => s.role === 'worker'),
  );
  return new Set([...consumers, ...workers].map((s) => s.file));
}

function serverSites(
  facts: readonly FileItems<PushItem>[],
): Map<string, Site[]> {
  const byTransport = new Map<string, Site[]>();
  for (const { file, items } of facts) {
    for (const item of items) {
      if (item.kind === 'server') {
        const list = byTransport.get(item.transport) ?? [];
        list.push(site(file, item.line, 'server'));
        byTransport.set(item.transport, list);
      }
    }
  }
  return byTransport;
}

/** Cites the servers of the path's transport, which hold the client connections. */
function withServers(
  path: PushPath,
  servers: ReadonlyMap<string, Site[]>,
): PushPath {
  return {
    ...path,
    sites: uniqueSites([...path.sites, ...(servers.get(path.transport) ?? [])]),
  };
}
