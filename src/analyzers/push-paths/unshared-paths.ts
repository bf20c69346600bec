import type { PushHop, PushPath, Site } from '../../model/types.js';
import { site, uniqueSites } from '../shared/site.js';
import type { FileItems } from '../types.js';
import type { PushItem, PushTransport } from './types.js';

const SAME_INSTANCE =
  'sends only reach clients connected to the same instance: ' +
  'no pub/sub channel or adapter carries them to the others';

/**
 * Incomplete paths: a transport with a server but nothing that carries
 * messages between instances, in a repository that runs queue workers. Each
 * send is a hop; a transport with no send cites its server instead.
 */
export function unsharedPaths(
  facts: readonly FileItems<PushItem>[],
  carried: ReadonlySet<string>,
  workerFiles: ReadonlySet<string>,
): PushPath[] {
  if (workerFiles.size === 0) {
    return [];
  }
  const servers = new Map<PushTransport, Site[]>();
  const sends = new Map<PushTransport, Site[]>();
  for (const { file, items } of facts) {
    for (const item of items) {
      if (item.kind === 'server') {
        push(servers, item.transport, site(file, item.line, 'server'));
      } else if (item.kind === 'send') {
        push(sends, item.transport, site(file, item.line, 'socket-send'));
      }
    }
  }

  const paths: PushPath[] = [];
  for (const [transport, serverSites] of servers) {
    if (carried.has(transport)) {
      continue;
    }
    const sendSites = sends.get(transport) ?? [];
    const hops: PushHop[] =
      sendSites.length > 0
        ? sendSites.map((s) => ({
            step: 'socket-send',
            detail: detailFor(s, workerFiles),
            site: s,
          }))
        : serverSites.map((s) => ({
            step: 'server',
            detail: SAME_INSTANCE,
            site: s,
          }));
    const sites = uniqueSites([...hops.map((hop) => hop.site), ...serverSites]);
    paths.push({ transport, complete: false, hops, sites });
  }
  return paths;
}

function detailFor(send: Site, workerFiles: ReadonlySet<string>): string {
  return workerFiles.has(send.file)
    ? `sent from a queue worker: ${SAME_INSTANCE}`
    : SAME_INSTANCE;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key) ?? [];
  list.push(value);
  map.set(key, list);
}
