import type { PushPath } from '../../model/types.js';
import { matchByIdentity } from '../match-by-identity.js';
import { primarySite } from '../queue-view.js';
import type { DiffRule } from './types.js';
import { at } from './types.js';

function pathIdentity(path: PushPath): string {
  return `${path.transport}:${path.channel ?? ''}`;
}

function label(path: PushPath): string {
  const channel = path.channel === undefined ? '' : ` via \`${path.channel}\``;
  return `Push path to ${path.transport}${channel}`;
}

export const pushPathBroken: DiffRule = {
  id: 'push-path-broken',
  severity: 'warning',
  summary: 'A push path complete in the base misses a hop in the head.',
  detect: ({ base, head }) =>
    matchByIdentity(base.pushPaths, head.pushPaths, pathIdentity)
      .kept.filter((pair) => pair.base.complete && !pair.head.complete)
      .map((pair) => {
        const steps = new Set(pair.head.hops.map((hop) => hop.step));
        const missing = pair.base.hops
          .map((hop) => hop.step)
          .filter((step) => !steps.has(step));
        const last = pair.head.hops[pair.head.hops.length - 1];
        return {
          subject: {
            kind: 'push-path',
            name: pair.head.channel ?? pair.head.transport,
          },
          identity: pathIdentity(pair.head),
          ...at(last?.site ?? primarySite(pair.head.sites), 'head'),
          message:
            `${label(pair.head)} is no longer complete` +
            (missing.length > 0 ? `: no ${missing.join(', ')} found.` : '.'),
          why:
            'Updates produced by workers stop reaching connected clients, who see ' +
            'stale data until they reload; nothing fails loudly.',
        };
      }),
};
