import { growsWithoutBound } from './unbounded-key.js';
import type { ArchitectureModel, Schedule, Site } from '../../model/types.js';
import { codeSpan } from '../markdown/code-span.js';
import { inlineText } from '../markdown/escape-cell.js';
import { processesForFile, replicaCount } from './process-ties.js';
import { missingRetention, queueStorage } from './queue-storage.js';
import { instanceSites, redisInstances } from './redis-instances.js';
import type { ReportContext } from './report-context.js';

/**
 * Limits on scaling out that follow from the facts: one shared Redis,
 * schedules that fire on every replica, queues that never drop jobs,
 * leader-only work, workers no shutdown closes, keys that never expire.
 * Each statement cites the facts it rests on.
 */
export function scalingRisks(
  model: ArchitectureModel,
  ctx: ReportContext,
): string[] {
  return [
    ...sharedRedis(model, ctx),
    ...model.schedules
      .filter((schedule) => schedule.guard === 'unguarded')
      .map((schedule) => unguarded(model, schedule, ctx)),
    ...unboundedQueues(model, ctx),
    ...leaderOnly(model, ctx),
    ...model.unclosed.map(
      (resource) =>
        `${codeSpan(resource.resource)} is never closed on shutdown ` +
        `(${ctx.citeAll(resource.sites)}): each deploy or scale-in interrupts its work.`,
    ),
    ...model.redisKeys
      .filter(growsWithoutBound)
      .map(
        (key) =>
          `Key ${codeSpan(key.pattern)} never expires (${ctx.citeAll(key.sites)}): ` +
          'Redis memory grows with every new id.',
      ),
  ];
}

function sharedRedis(model: ArchitectureModel, ctx: ReportContext): string[] {
  const users: Site[] = [
    ...model.queues
      .filter((queue) => queueStorage(queue) === 'redis')
      .map((q) => q.sites),
    ...model.redisKeys.map((key) => key.sites),
    ...model.pubsub.filter((c) => c.transport === 'redis').map((c) => c.sites),
  ].flatMap((sites) => sites.slice(0, 1));
  const instances = redisInstances(model.redisClients);
  const only = instances[0];
  if (users.length === 0 || instances.length !== 1 || only === undefined) {
    return [];
  }

  const clientSites = instanceSites(only);
  const cited = ctx.citeAll(clientSites.length > 0 ? clientSites : users);
  if (only.clustered) {
    return [
      `Every Redis client names a cluster or sentinels (${cited}); ` +
        'queues, keys and channels share it.',
    ];
  }
  return [
    `One Redis serves every queue, key and channel (${cited}): it caps throughput ` +
      'and is a single point of failure for all processes.',
  ];
}

function unguarded(
  model: ArchitectureModel,
  schedule: Schedule,
  ctx: ReportContext,
): string {
  const where = ctx.citeAll(schedule.sites);
  const what = `${codeSpan(schedule.task)} (${codeSpan(schedule.expression)}, ${where})`;
  const site = schedule.sites[0];
  const processes = site ? processesForFile(model.processes, site.file) : [];

  const scaled = processes.flatMap((process) => {
    const replicas = replicaCount(process);
    if (replicas === undefined || !process.replicas) {
      return [];
    }
    const name = `**${inlineText(process.name)}**`;
    const cited = ctx.cite(process.replicas);
    return [
      `${replicas} times per tick with ${replicas} replicas of ${name} (${cited})`,
    ];
  });
  const times =
    scaled.length > 0 ? scaled.join('; ') : 'once per replica of its process';
  return `${what} has no guard: it fires ${times}.`;
}

function unboundedQueues(
  model: ArchitectureModel,
  ctx: ReportContext,
): string[] {
  return model.queues.flatMap((queue) => {
    const missing = missingRetention(queue);
    const at = queue.sites[0];
    if (missing.length === 0 || at === undefined) {
      return [];
    }
    return [
      `Queue ${codeSpan(queue.name)} sets no ${missing.join(' or ')} (${ctx.cite(at)}): ` +
        'finished jobs stay in Redis and memory grows with traffic.',
    ];
  });
}

function leaderOnly(model: ArchitectureModel, ctx: ReportContext): string[] {
  return model.leaderElection
    .filter((election) => election.guards.length > 0)
    .map(
      (election) =>
        `Only the leader runs ${election.guards.map(codeSpan).join(', ')} ` +
        `(${ctx.citeAll(election.sites)}): this work does not scale with replicas ` +
        'and pauses while leadership moves.',
    );
}
