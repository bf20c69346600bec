import type {
  ArchitectureModel,
  PushHop,
  PushPath,
  Site,
} from '../../model/types.js';
import { site, uniqueSites } from '../shared/site.js';
import type { FileItems } from '../types.js';
import type { PushItem } from './types.js';

interface AdapterAt {
  site: Site;
  detail: string;
  channel?: string;
}

/**
 * Emit -> adapter -> sockets on every instance: with a socket.io adapter a
 * broadcast emitted on any instance (a worker included) reaches clients
 * connected to all of them. Broadcasts in queue workers are preferred as
 * the `emit` hops. Complete when an emit, the adapter and a socket.io
 * server were found.
 */
export function adapterPaths(
  facts: readonly FileItems<PushItem>[],
  model: Readonly<ArchitectureModel>,
  workerFiles: ReadonlySet<string>,
): PushPath[] {
  const emits: Site[] = [];
  const servers: Site[] = [];
  for (const { file, items } of facts) {
    for (const item of items) {
      if (
        item.kind === 'send' &&
        item.transport === 'socket.io' &&
        item.broadcast
      ) {
        emits.push(site(file, item.line, 'socket-send'));
      } else if (item.kind === 'server' && item.transport === 'socket.io') {
        servers.push(site(file, item.line, 'server'));
      }
    }
  }
  const fromWorkers = emits.filter((e) => workerFiles.has(e.file));
  const chosen = fromWorkers.length > 0 ? fromWorkers : emits;
  return adaptersOf(facts, model).map((adapter) =>
    adapterPath(adapter, chosen, servers, fromWorkers.length > 0),
  );
}

function adapterPath(
  adapter: AdapterAt,
  emits: Site[],
  servers: Site[],
  fromWorkers: boolean,
): PushPath {
  const hops: PushHop[] = emits.map((emit) => ({
    step: 'emit',
    detail: fromWorkers
      ? 'a queue worker emits a broadcast'
      : 'a broadcast is emitted',
    site: emit,
  }));
  hops.push({ step: 'adapter', detail: adapter.detail, site: adapter.site });
  for (const server of servers) {
    const detail =
      'each instance delivers the broadcast to the sockets connected to it';
    hops.push({ step: 'socket-send', detail, site: server });
  }
  return {
    transport: 'socket.io',
    ...(adapter.channel ? { channel: adapter.channel } : {}),
    complete: emits.length > 0 && servers.length > 0,
    hops,
    sites: uniqueSites(hops.map((hop) => hop.site)),
  };
}

/** Adapters created in code, and those the pub/sub analyzer reported. */
function adaptersOf(
  facts: readonly FileItems<PushItem>[],
  model: Readonly<ArchitectureModel>,
): AdapterAt[] {
  const found: AdapterAt[] = [];
  for (const { file, items } of facts) {
    for (const item of items) {
      if (item.kind === 'adapter') {
        found.push({
          site: site(file, item.line, 'adapter'),
          detail: item.detail,
        });
      }
    }
  }
  for (const channel of model.pubsub.filter(
    (c) => c.transport === 'socket.io-adapter',
  )) {
    const first = channel.sites[0];
    const known = found.find((f) =>
      channel.sites.some(
        (s) => s.file === f.site.file && s.line === f.site.line,
      ),
    );
    if (known) {
      known.channel = channel.channel;
    } else if (first) {
      const detail = `socket.io adapter on ${channel.channel}`;
      found.push({
        site: { ...first, role: 'adapter' },
        detail,
        channel: channel.channel,
      });
    }
  }
  return found;
}
