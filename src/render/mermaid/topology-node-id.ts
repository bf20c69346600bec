import { createHash } from 'node:crypto';

/**
 * A Mermaid node id for a node of the topology, stable across runs and
 * models: the kind and name reduced to `[A-Za-z0-9_]`, plus a short hash of
 * the exact pair so `orders-v1` and `orders_v1` stay apart. The diff builds
 * marks with this, so it must not depend on anything but `kind` and `name`.
 *
 * Kinds used by `renderTopology`: `process` (by process name), `queue` (by
 * queue name), `channel` (by channel), `redis` (`Redis`, or a host when
 * several are used), `broker` (`RabbitMQ`, `SQS`), `clients` (by push
 * transport), `producers` and `consumers` (code tied to no process).
 */
export function topologyNodeId(kind: string, name: string): string {
  const safe = `${kind}_${name}`.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40);
  // Mermaid reads some bare words (`end`, `graph`) as keywords; a letter
  // prefix on anything that does not start with one keeps ids plain.
  const readable = /^[A-Za-z]/.test(safe) ? safe : `n${safe}`;
  const hash = createHash('sha1')
    .update(`${kind}\u0000${name}`)
    .digest('hex')
    .slice(0, 6);
  return `${readable}_${hash}`;
}
