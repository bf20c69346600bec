import type { ArchitectureModel, Queue } from '../../model/types.js';
import { codeSpan } from '../markdown/code-span.js';
import { markdownTable } from '../markdown/markdown-table.js';
import { formatOption } from './format-option.js';
import { missingRetention, queueStorage } from './queue-storage.js';
import type { ReportContext } from './report-context.js';
import { consumerSites, definitionSites, producerSites } from './site-roles.js';

const HEADERS = [
  'Queue',
  'Library',
  'Purpose (job names + processor)',
  'Producers',
  'Consumers',
  'Concurrency',
  'Retry & backoff',
  'Retention',
];

/** One row per queue: who feeds it, who drains it, and how it retries. */
export function queueSection(
  model: ArchitectureModel,
  ctx: ReportContext,
): string {
  const heading = '## Queue Architecture';
  if (model.queues.length === 0) {
    return `${heading}\n\nNo queues found.`;
  }
  const rows = model.queues.map((queue) => queueRow(queue, ctx));
  return `${heading}\n\n${markdownTable(HEADERS, rows)}`;
}

function queueRow(queue: Queue, ctx: ReportContext): string[] {
  const defined = definitionSites(queue.sites)[0] ?? queue.sites[0];
  const producers = producerSites(queue.sites);
  const consumers = consumerSites(queue.sites);
  return [
    defined
      ? `${codeSpan(queue.name)} (${ctx.cite(defined)})`
      : codeSpan(queue.name),
    queue.library,
    purposeCell(queue, ctx),
    producers.length > 0 ? ctx.citeAll(producers) : 'none found',
    consumers.length > 0
      ? ctx.citeAll(consumers)
      : '⚠️ none found: jobs wait forever',
    concurrencyCell(queue, ctx),
    optionsCell(
      queue,
      ['attempts', 'backoff.type', 'backoff.delay', 'redrive.maxReceiveCount'],
      ctx,
    ) ?? 'no retries set',
    retentionCell(queue, ctx),
  ];
}

function purposeCell(queue: Queue, ctx: ReportContext): string {
  const shown = queue.jobNames.slice(0, 5).map(codeSpan);
  const more = queue.jobNames.length - shown.length;
  const names =
    shown.length > 0 ? `jobs ${shown.join(', ')}` : 'no job names seen';
  const processors = consumerSites(queue.sites);
  const processor =
    processors.length > 0
      ? `; processor ${ctx.citeAll(processors.slice(0, 1))}`
      : '';
  return `${names}${more > 0 ? ` +${more} more` : ''}${processor}`;
}

function concurrencyCell(queue: Queue, ctx: ReportContext): string {
  const listed = optionsCell(
    queue,
    ['concurrency', 'prefetch', 'maxNumberOfMessages'],
    ctx,
  );
  return listed ?? 'not set (library default)';
}

function retentionCell(queue: Queue, ctx: ReportContext): string {
  if (queueStorage(queue) !== 'redis') {
    return (
      optionsCell(queue, ['messageTtl'], ctx) ??
      `held by ${queueStorage(queue)}`
    );
  }
  const set = optionsCell(queue, ['removeOnComplete', 'removeOnFail'], ctx);
  const missing = missingRetention(queue);
  if (missing.length === 2) {
    return '⚠️ keeps every job: no removeOnComplete/removeOnFail';
  }
  const warning =
    missing.length === 1 ? `; ⚠️ no ${missing[0]}: keeps those jobs` : '';
  return `${set ?? ''}${warning}`;
}

/** `key: value (cite)` for each of `keys` the queue sets, or undefined. */
function optionsCell(
  queue: Queue,
  keys: string[],
  ctx: ReportContext,
): string | undefined {
  const parts = keys.flatMap((key) => {
    const option = queue.options[key];
    return option ? [`${key} ${formatOption(option, ctx)}`] : [];
  });
  return parts.length > 0 ? parts.join('; ') : undefined;
}
