import type {
  OptionValue,
  Queue,
  QueueLibrary,
  RedisKey,
} from '../../model/types.js';

/** Key prefix each library uses when none is configured. */
const DEFAULT_PREFIX: Partial<Record<QueueLibrary, string>> = {
  bullmq: 'bull',
  'nestjs-bullmq': 'bull',
  bull: 'bull',
  'nestjs-bull': 'bull',
  'bee-queue': 'bq',
};

const OWNER: Partial<Record<QueueLibrary, string>> = {
  bullmq: 'bullmq',
  'nestjs-bullmq': 'bullmq',
  bull: 'bull',
  'nestjs-bull': 'bull',
  'bee-queue': 'bee-queue',
};

/**
 * The Redis keys each queue library owns. A queue uses a dozen keys under
 * `<prefix>:<queue>:` (wait, active, delayed, meta, events, ...); one
 * pattern per queue is what a reader needs to see the prefix and spot two
 * queues or apps sharing it, so the internal suffixes are not listed.
 */
export function queueRedisKeys(queues: Queue[]): RedisKey[] {
  const keys: RedisKey[] = [];
  for (const queue of queues) {
    const fallback = DEFAULT_PREFIX[queue.library];
    const owner = OWNER[queue.library];
    if (fallback === undefined || owner === undefined) {
      continue;
    }
    const definitions = queue.sites.filter(
      (site) => site.role === 'definition',
    );
    keys.push({
      pattern: `${prefixOf(queue.options.prefix) ?? fallback}:${queue.name}:*`,
      operations: ['queue'],
      lifetime: removesJobs(queue) ? 'ephemeral' : 'durable',
      ownedBy: `${owner}:${queue.name}`,
      sites: definitions.length > 0 ? definitions : queue.sites,
    });
  }
  return keys;
}

function prefixOf(value: OptionValue | undefined): string | undefined {
  if (!value) {
    return undefined;
  }
  return typeof value.value === 'string' ? value.value : `{${value.text}}`;
}

/** Finished jobs only leave Redis when both outcomes are removed. */
function removesJobs(queue: Queue): boolean {
  return (
    isSet(queue.options.removeOnComplete) && isSet(queue.options.removeOnFail)
  );
}

function isSet(value: OptionValue | undefined): boolean {
  return value !== undefined && value.value !== false;
}
