import type { ArchitectureModel, ShutdownHandler } from '../../model/types.js';
import { codeSpan } from '../markdown/code-span.js';
import { inlineText } from '../markdown/escape-cell.js';
import { formatOption } from './format-option.js';
import type { ReportContext } from './report-context.js';

/** Shutdown handlers, then what no handler closes. */
export function shutdownSection(
  model: ArchitectureModel,
  ctx: ReportContext,
): string {
  const heading = '## Graceful Shutdown';
  const lines = model.shutdown.map(
    (handler) => `- ${handlerLine(handler, ctx)}`,
  );
  if (lines.length === 0) {
    lines.push('No shutdown handlers found.');
  }

  if (model.unclosed.length > 0) {
    lines.push('', 'Not closed by any shutdown path:', '');
    for (const resource of model.unclosed) {
      const why =
        resource.resource.startsWith('worker:') ||
        resource.resource.startsWith('consumer:')
          ? 'in-flight jobs are cut off on deploy and wait for the stalled check'
          : 'connections are dropped instead of drained';
      lines.push(
        `- ⚠️ ${codeSpan(resource.resource)} (${ctx.citeAll(resource.sites)}): ${why}.`,
      );
    }
  }
  return `${heading}\n\n${lines.join('\n')}`;
}

function handlerLine(handler: ShutdownHandler, ctx: ReportContext): string {
  const closes =
    handler.closes.length > 0
      ? `closes ${handler.closes.map(codeSpan).join(', ')}`
      : 'closes nothing the analyzers recognize';
  const timeout = handler.timeout
    ? `timeout ${formatOption(handler.timeout, ctx)}`
    : 'no timeout';
  const trigger = `**${inlineText(handler.trigger)}** at ${ctx.citeAll(handler.sites)}`;
  return `${trigger}: ${closes}; ${timeout}.`;
}
