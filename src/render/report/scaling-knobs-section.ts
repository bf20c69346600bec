import type {
  ArchitectureModel,
  ProcessEntry,
  Queue,
} from '../../model/types.js';
import { codeSpan } from '../markdown/code-span.js';
import { inlineText } from '../markdown/escape-cell.js';
import { describeProcess } from './describe-process.js';
import { formatOption, optionNumber } from './format-option.js';
import { processesForFile, replicaCount } from './process-ties.js';
import type { ReportContext } from './report-context.js';
import { scalingRisks } from './scaling-risks.js';
import { consumerSites } from './site-roles.js';

/** What scales on its own, how much work runs at once, and what limits it. */
export function scalingKnobsSection(
  model: ArchitectureModel,
  ctx: ReportContext,
): string {
  const heading = '## Scaling Knobs';
  const lines: string[] = ['**Scales independently**', ''];

  if (model.processes.length === 0) {
    lines.push('No process entries found, so replica counts are unknown.');
  }
  const idle = model.processes.filter((process) => process.kinds.length === 0);
  for (const process of model.processes.filter((p) => p.kinds.length > 0)) {
    lines.push(
      `- ${describeProcess(process, ctx)}: ${process.kinds.join(', ')}.`,
    );
  }
  if (idle.length > 0) {
    lines.push(`- ${idleLine(idle)}`);
  }

  const throughput = model.queues.flatMap((queue) =>
    throughputLines(model, queue, ctx),
  );
  if (throughput.length > 0) {
    lines.push(
      '',
      '**Jobs in flight per queue**',
      '',
      ...throughput.map((line) => `- ${line}`),
    );
  }

  const risks = scalingRisks(model, ctx);
  lines.push('', '**Bottlenecks**', '');
  lines.push(
    ...(risks.length > 0
      ? risks.map((risk) => `- ${risk}`)
      : ['None found among the facts above.']),
  );
  return `${heading}\n\n${lines.join('\n')}`;
}

/** Names shown before the rest of the idle entries are counted. */
const IDLE_NAMES_SHOWN = 5;

/**
 * Scripts that start no server, worker or schedule the analyzers
 * recognize: one line, since each on its own says nothing about scaling.
 */
function idleLine(idle: readonly ProcessEntry[]): string {
  const names = idle
    .slice(0, IDLE_NAMES_SHOWN)
    .map((process) => codeSpan(process.name));
  const more =
    idle.length > IDLE_NAMES_SHOWN
      ? `, +${idle.length - IDLE_NAMES_SHOWN} more`
      : '';
  const count =
    idle.length === 1 ? '1 entry starts' : `${idle.length} entries start`;
  const list = `${names.join(', ')}${more}`;
  return `${count} no server, worker or schedule the analyzers recognize: ${list}.`;
}

/** `orders`: concurrency 5 × 2 replicas of worker = up to 10 at once. */
function throughputLines(
  model: ArchitectureModel,
  queue: Queue,
  ctx: ReportContext,
): string[] {
  const consumers = consumerSites(queue.sites);
  const first = consumers[0];
  if (first === undefined) {
    return [];
  }
  const processes = uniqueProcesses(
    consumers.flatMap((site) => processesForFile(model.processes, site.file)),
  );
  const concurrency = queue.options.concurrency ?? queue.options.prefetch;
  const perInstance = concurrency
    ? `concurrency ${formatOption(concurrency, ctx)}`
    : `concurrency not set (library default; consumer ${ctx.cite(first)})`;
  const name = codeSpan(queue.name);

  if (processes.length === 0) {
    return [
      `${name}: ${perInstance} per consumer instance; its process is not known.`,
    ];
  }
  return processes.map((process) => {
    const processName = `**${inlineText(process.name)}**`;
    const replicas = replicaCount(process);
    if (replicas === undefined || !process.replicas) {
      return `${name}: ${perInstance} per instance of ${processName}; replicas not stated.`;
    }
    const perConsumer = optionNumber(concurrency);
    const total =
      perConsumer === undefined
        ? ''
        : ` = up to ${perConsumer * replicas} jobs at once`;
    const scaled = `${replicas} replicas of ${processName} (${ctx.cite(process.replicas)})`;
    return `${name}: ${perInstance} × ${scaled}${total}.`;
  });
}

function uniqueProcesses(processes: ProcessEntry[]): ProcessEntry[] {
  return [...new Set(processes)];
}
