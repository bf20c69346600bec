import type { ProcessEntry } from '../../model/types.js';
import { codeSpan } from '../markdown/code-span.js';
import { inlineText } from '../markdown/escape-cell.js';
import { optionText } from './format-option.js';
import type { ReportContext } from './report-context.js';

/**
 * `**worker** (`src/worker/index.ts`, 2 replicas `docker-compose.yml:9`,
 * started by compose)`, citing where the process was found.
 */
export function describeProcess(
  process: ProcessEntry,
  ctx: ReportContext,
): string {
  const parts: string[] = [];
  if (process.entry !== undefined && process.entry !== process.name) {
    parts.push(codeSpan(process.entry));
  }
  parts.push(replicasText(process, ctx));
  if (process.startedBy.length > 0) {
    parts.push(`started by ${process.startedBy.map(inlineText).join(', ')}`);
  }
  if (process.sites.length > 0) {
    parts.push(ctx.citeAll(process.sites));
  }
  return `**${inlineText(process.name)}** (${parts.join(', ')})`;
}

/** `3 replicas (cite)` or `replicas not stated`. */
export function replicasText(
  process: ProcessEntry,
  ctx: ReportContext,
): string {
  const replicas = process.replicas;
  if (!replicas) {
    return 'replicas not stated';
  }
  const plural = replicas.value === 1 ? 'replica' : 'replicas';
  return `${optionText(replicas)} ${plural} (${ctx.cite(replicas)})`;
}
