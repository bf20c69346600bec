import type { ArchitectureModel } from '../../model/types.js';
import { codeSpan } from '../markdown/code-span.js';
import { markdownTable } from '../markdown/markdown-table.js';
import type { ReportContext } from './report-context.js';

/** Every cron job, interval and repeatable job, with its guard. */
export function schedulesSection(
  model: ArchitectureModel,
  ctx: ReportContext,
): string {
  const heading = '## Scheduled Jobs';
  if (model.schedules.length === 0) {
    return `${heading}\n\nNo scheduled jobs found.`;
  }
  const rows = model.schedules.map((schedule) => [
    schedule.kind,
    codeSpan(schedule.expression),
    codeSpan(schedule.task),
    guardCell(schedule.guard, schedule.guardDetail),
    ctx.citeAll(schedule.sites),
  ]);
  const headers = ['Schedule', 'Expression', 'Task', 'Guard', 'Site'];
  return `${heading}\n\n${markdownTable(headers, rows)}`;
}

function guardCell(guard: string, detail: string | undefined): string {
  const text =
    guard === 'unguarded' ? '⚠️ unguarded (fires on every instance)' : guard;
  return detail === undefined ? text : `${text}: ${detail}`;
}
