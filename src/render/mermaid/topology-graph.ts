import type {
  ArchitectureModel,
  ProcessEntry,
  Site,
} from '../../model/types.js';
import {
  primaryKind,
  processesForFile,
  replicaCount,
} from '../report/process-ties.js';
import { queueStorage } from '../report/queue-storage.js';
import { redisInstances } from '../report/redis-instances.js';
import { consumerSites, producerSites } from '../report/site-roles.js';
import { topologyNodeId } from './topology-node-id.js';

export type TopologyNodeKind =
  | 'process'
  | 'queue'
  | 'redis'
  | 'broker'
  | 'channel'
  | 'clients'
  | 'producers'
  | 'consumers';

export interface TopologyNode {
  id: string;
  kind: TopologyNodeKind;
  name: string;
  label: string;
  /** Subgraph the node is drawn in (processes by kind), if any. */
  group?: string;
}

export interface TopologyEdge {
  from: string;
  to: string;
  label?: string;
  /** Dotted for storage and key access, solid for the flow of work. */
  dotted: boolean;
}

export interface TopologyGraph {
  nodes: TopologyNode[];
  edges: TopologyEdge[];
}

const BROKERS = { rabbitmq: 'RabbitMQ', sqs: 'SQS' } as const;

/**
 * The multi-instance picture of a model: processes, queues, storage and
 * channels, with edges from producers through queues to consumers. Code is
 * tied to a process by file (see `processesForFile`); code tied to none is
 * drawn from a shared `producers` or `consumers` node.
 */
export function buildTopology(model: ArchitectureModel): TopologyGraph {
  const graph = new GraphBuilder();
  const owners = (site: Site): ProcessEntry[] =>
    processesForFile(model.processes, site.file);

  for (const process of model.processes) {
    graph.node(
      'process',
      process.name,
      processLabel(process),
      primaryKind(process),
    );
  }
  const redis = redisNodes(model, graph);

  for (const queue of model.queues) {
    const queueId = graph.node('queue', queue.name, `queue: ${queue.name}`);
    for (const site of producerSites(queue.sites)) {
      graph.flow(owners(site), 'producers', queueId, 'from');
    }
    for (const site of consumerSites(queue.sites)) {
      graph.flow(owners(site), 'consumers', queueId, 'to');
    }
    const storage = queueStorage(queue);
    if (storage === 'redis') {
      if (redis.length === 1 && redis[0]) {
        graph.edge(queueId, redis[0], 'jobs', true);
      }
    } else {
      graph.edge(
        queueId,
        graph.node('broker', BROKERS[storage], BROKERS[storage]),
        'jobs',
        true,
      );
    }
  }

  for (const channel of model.pubsub) {
    const label = `channel: ${channel.channel}${channel.pattern ? ' (pattern)' : ''}`;
    const channelId = graph.node('channel', channel.channel, label);
    channel.publishers.forEach((site) =>
      graph.flow(owners(site), 'producers', channelId, 'from'),
    );
    channel.subscribers.forEach((site) =>
      graph.flow(owners(site), 'consumers', channelId, 'to'),
    );
  }

  for (const path of model.pushPaths) {
    const clientsId = graph.node(
      'clients',
      path.transport,
      `${path.transport} clients`,
    );
    for (const hop of path.hops.filter((h) => h.step === 'socket-send')) {
      for (const process of owners(hop.site)) {
        graph.edge(graph.processId(process), clientsId, 'push', false);
      }
    }
  }

  keyAccess(model, graph, redis, owners);
  return withoutIdleProcesses(graph.result(), model.processes);
}

/**
 * A script that starts nothing the analyzers recognize (a seed, a codegen
 * step) is drawn only when some queue or channel ties it in: on its own it
 * is no part of the multi-instance picture.
 */
function withoutIdleProcesses(
  graph: TopologyGraph,
  processes: readonly ProcessEntry[],
): TopologyGraph {
  const idle = new Set(
    processes
      .filter((process) => process.kinds.length === 0)
      .map((process) => topologyNodeId('process', process.name)),
  );
  const tied = new Set(graph.edges.flatMap((edge) => [edge.from, edge.to]));
  return {
    nodes: graph.nodes.filter(
      (node) => !idle.has(node.id) || tied.has(node.id),
    ),
    edges: graph.edges,
  };
}

function processLabel(process: ProcessEntry): string {
  const count = replicaCount(process) ?? process.replicas?.text;
  const replicas = count === undefined ? '' : ` ×${count}`;
  const kinds =
    process.kinds.length > 0 ? ` (${process.kinds.join(', ')})` : '';
  return `${process.name}${replicas}${kinds}`;
}

/** Redis nodes, drawn only when something in the model uses Redis. */
function redisNodes(model: ArchitectureModel, graph: GraphBuilder): string[] {
  const usesRedis =
    model.redisClients.length > 0 ||
    model.redisKeys.length > 0 ||
    model.queues.some((queue) => queueStorage(queue) === 'redis') ||
    model.pubsub.some((channel) => channel.transport === 'redis');
  if (!usesRedis) {
    return [];
  }
  return redisInstances(model.redisClients).map((instance) => {
    const label = instance.clustered
      ? `${instance.name} (cluster)`
      : instance.name;
    return graph.node('redis', instance.name, label);
  });
}

/** Processes whose own files read or write app keys, when one Redis serves all. */
function keyAccess(
  model: ArchitectureModel,
  graph: GraphBuilder,
  redis: string[],
  owners: (site: Site) => ProcessEntry[],
): void {
  const target = redis.length === 1 ? redis[0] : undefined;
  if (target === undefined) {
    return;
  }
  for (const key of model.redisKeys.filter((k) => k.ownedBy === undefined)) {
    for (const process of key.sites.flatMap(owners)) {
      graph.edge(graph.processId(process), target, 'keys', true);
    }
  }
}

class GraphBuilder {
  private readonly nodes = new Map<string, TopologyNode>();
  private readonly edges = new Map<string, TopologyEdge>();

  node(
    kind: TopologyNodeKind,
    name: string,
    label: string,
    group?: string,
  ): string {
    const id = topologyNodeId(kind, name);
    if (!this.nodes.has(id)) {
      this.nodes.set(id, {
        id,
        kind,
        name,
        label,
        ...(group ? { group } : {}),
      });
    }
    return id;
  }

  processId(process: ProcessEntry): string {
    return topologyNodeId('process', process.name);
  }

  edge(
    from: string,
    to: string,
    label: string | undefined,
    dotted: boolean,
  ): void {
    const key = `${from}->${to}:${label ?? ''}`;
    if (!this.edges.has(key)) {
      this.edges.set(key, { from, to, dotted, ...(label ? { label } : {}) });
    }
  }

  /** Edges between a queue or channel and the processes on one side of it. */
  flow(
    processes: ProcessEntry[],
    fallback: 'producers' | 'consumers',
    hub: string,
    direction: 'from' | 'to',
  ): void {
    const ends =
      processes.length > 0
        ? processes.map((process) => this.processId(process))
        : [this.node(fallback, fallback, `${fallback} (no process tied)`)];
    for (const end of ends) {
      if (direction === 'from') {
        this.edge(end, hub, undefined, false);
      } else {
        this.edge(hub, end, undefined, false);
      }
    }
  }

  result(): TopologyGraph {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}
