import { growsWithoutBound } from './unbounded-key.js';
import type {
  ArchitectureModel,
  RedisClient,
  RedisKey,
} from '../../model/types.js';
import { codeSpan } from '../markdown/code-span.js';
import { inlineText } from '../markdown/escape-cell.js';
import { markdownTable } from '../markdown/markdown-table.js';
import { formatOption, optionText } from './format-option.js';
import type { ReportContext } from './report-context.js';

/** Clients, key patterns with their lifetimes, and pub/sub channels. */
export function redisUsageSection(
  model: ArchitectureModel,
  ctx: ReportContext,
): string {
  const heading = '## Redis Usage Map';
  const blocks: string[] = [];

  blocks.push(
    model.redisClients.length === 0
      ? 'No Redis clients found.'
      : model.redisClients
          .map((client) => `- ${clientLine(client, ctx)}`)
          .join('\n'),
  );
  blocks.push(
    model.redisKeys.length === 0
      ? 'No Redis key patterns found.'
      : keysTable(model, ctx),
  );
  blocks.push(
    model.pubsub.length === 0
      ? 'No pub/sub channels found.'
      : channelsTable(model, ctx),
  );
  return `${heading}\n\n${blocks.join('\n\n')}`;
}

function clientLine(client: RedisClient, ctx: ReportContext): string {
  const settings = Object.entries(client.settings).map(
    ([key, option]) => `${key} ${formatOption(option, ctx)}`,
  );
  const stated = settings.length > 0 ? `: ${settings.join('; ')}` : '';
  return `**${client.library}** client at ${ctx.citeAll(client.sites)}${stated}`;
}

function keysTable(model: ArchitectureModel, ctx: ReportContext): string {
  const rows = model.redisKeys.map((key) => [
    patternCell(key, ctx),
    key.operations.join(', '),
    ttlCell(key, ctx),
    lifetimeCell(key),
    key.ownedBy === undefined ? 'app' : inlineText(key.ownedBy),
    ctx.citeAll(key.sites),
  ]);
  const headers = [
    'Key pattern',
    'Operations',
    'TTL',
    'Lifetime',
    'Owner',
    'Sites',
  ];
  return markdownTable(headers, rows);
}

function patternCell(key: RedisKey, ctx: ReportContext): string {
  const prefix = key.keyPrefix;
  if (!prefix) {
    return codeSpan(key.pattern);
  }
  return `${codeSpan(key.pattern)} with keyPrefix ${formatOption(prefix, ctx)}`;
}

function ttlCell(key: RedisKey, ctx: ReportContext): string {
  if (!key.ttl) {
    return 'none';
  }
  return `${optionText(key.ttl, key.ttlUnit)} (${ctx.cite(key.ttl)})`;
}

function lifetimeCell(key: RedisKey): string {
  if (growsWithoutBound(key)) {
    return '⚠️ durable: no TTL, grows with every new id';
  }
  return key.lifetime;
}

function channelsTable(model: ArchitectureModel, ctx: ReportContext): string {
  const rows = model.pubsub.map((channel) => [
    `${codeSpan(channel.channel)}${channel.pattern ? ' (pattern)' : ''}`,
    channel.transport,
    channel.publishers.length > 0
      ? ctx.citeAll(channel.publishers)
      : 'none found',
    channel.subscribers.length > 0
      ? ctx.citeAll(channel.subscribers)
      : 'none found',
    channel.purpose ?? '',
  ]);
  const headers = [
    'Channel',
    'Transport',
    'Publishers',
    'Subscribers',
    'Purpose',
  ];
  return markdownTable(headers, rows);
}
