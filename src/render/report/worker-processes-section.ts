import type {
  ArchitectureModel,
  ProcessEntry,
  Queue,
  Site,
} from '../../model/types.js';
import { codeSpan } from '../markdown/code-span.js';
import { inlineText } from '../markdown/escape-cell.js';
import { describeProcess } from './describe-process.js';
import { processesForFile } from './process-ties.js';
import type { ReportContext } from './report-context.js';
import { consumerSites } from './site-roles.js';

interface Consumption {
  queue: Queue;
  site: Site;
  processes: ProcessEntry[];
}

/** Worker processes and the queues whose consumers live in their code. */
export function workerProcessesSection(
  model: ArchitectureModel,
  ctx: ReportContext,
): string {
  const heading = '## Worker Processes';
  const workers = model.processes.filter((process) =>
    process.kinds.includes('worker'),
  );
  const consumption = consumptionOf(model);
  const lines: string[] = [];

  for (const worker of workers) {
    const consumed = firstPerQueue(
      consumption.filter((c) => c.processes.includes(worker)),
    );
    const queues = consumed.map(
      (c) => `${codeSpan(c.queue.name)} (${ctx.cite(c.site)})`,
    );
    const what =
      queues.length > 0
        ? `consumes ${queues.join(', ')}`
        : 'no queue consumer tied to its files';
    lines.push(`- ${describeProcess(worker, ctx)}: ${what}.`);
  }
  if (workers.length === 0) {
    lines.push('No worker processes found.');
  }

  const elsewhere = consumption.filter(
    (c) => !c.processes.some((p) => workers.includes(p)),
  );
  if (elsewhere.length > 0) {
    lines.push('', 'Consumers outside a worker process:', '');
    for (const c of elsewhere) {
      const where = c.processes
        .map((p) => `in **${inlineText(p.name)}**`)
        .join(', ');
      const place = where || 'not tied to a process by file';
      lines.push(
        `- ${codeSpan(c.queue.name)} at ${ctx.cite(c.site)}: ${place}.`,
      );
    }
  }
  return `${heading}\n\n${lines.join('\n')}`;
}

function firstPerQueue(consumption: Consumption[]): Consumption[] {
  const seen = new Set<Queue>();
  return consumption.filter(
    (c) => !seen.has(c.queue) && Boolean(seen.add(c.queue)),
  );
}

function consumptionOf(model: ArchitectureModel): Consumption[] {
  return model.queues.flatMap((queue) =>
    consumerSites(queue.sites).map((site) => ({
      queue,
      site,
      processes: processesForFile(model.processes, site.file),
    })),
  );
}
