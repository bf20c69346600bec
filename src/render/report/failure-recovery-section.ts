import type { ArchitectureModel, FailureHandling } from '../../model/types.js';
import { codeSpan } from '../markdown/code-span.js';
import { inlineText } from '../markdown/escape-cell.js';
import { formatOption } from './format-option.js';
import type { ReportContext } from './report-context.js';

const KIND_TITLES: Record<string, string> = {
  'dead-letter': 'Dead-letter',
  'failed-listener': 'Failed-job listeners',
  'stalled-listener': 'Stalled-job listeners',
  'error-swallowed': 'Errors swallowed',
  monitoring: 'Monitoring',
};

const DEAD_LETTER_OPTIONS = [
  'deadLetterExchange',
  'deadLetterRoutingKey',
  'redrive.deadLetterTarget',
];

/** Dead-letter routes, listeners, swallowed errors and monitoring, by kind. */
export function failureRecoverySection(
  model: ArchitectureModel,
  ctx: ReportContext,
): string {
  const heading = '## Failure Recovery';
  const lines: string[] = [];

  const kinds = [...new Set(model.failureHandling.map((fact) => fact.kind))];
  for (const kind of kinds) {
    const facts = model.failureHandling.filter((fact) => fact.kind === kind);
    lines.push(`**${KIND_TITLES[kind] ?? inlineText(kind)}**`, '');
    lines.push(...facts.map((fact) => `- ${factLine(fact, ctx)}`), '');
  }

  const routes = model.queues.flatMap((queue) =>
    DEAD_LETTER_OPTIONS.flatMap((key) => {
      const option = queue.options[key];
      return option
        ? [`- ${codeSpan(queue.name)} ${key} ${formatOption(option, ctx)}`]
        : [];
    }),
  );
  if (routes.length > 0) {
    lines.push('**Dead-letter settings on queues**', '', ...routes, '');
  }

  if (lines.length === 0) {
    const none =
      'No failure handling found: no dead-letter queues, listeners or monitoring.';
    return `${heading}\n\n${none}`;
  }
  return `${heading}\n\n${lines.join('\n').trimEnd()}`;
}

function factLine(fact: FailureHandling, ctx: ReportContext): string {
  const warn = fact.kind === 'error-swallowed' ? '⚠️ ' : '';
  const queue = fact.queue === undefined ? '' : `${codeSpan(fact.queue)}: `;
  return `${warn}${queue}${inlineText(fact.detail)} (${ctx.citeAll(fact.sites)}).`;
}
