import type { ArchitectureModel, PushPath } from '../../model/types.js';
import { codeSpan } from '../markdown/code-span.js';
import { inlineText } from '../markdown/escape-cell.js';
import type { ReportContext } from './report-context.js';

/** Each path from a job or publish to a socket, hop by hop. */
export function pushDeliverySection(
  model: ArchitectureModel,
  ctx: ReportContext,
): string {
  const heading = '## Push Delivery Path';
  if (model.pushPaths.length === 0) {
    return `${heading}\n\nNo push paths to websockets or server-sent events found.`;
  }
  return `${heading}\n\n${model.pushPaths.map((path) => pushPathBlock(path, ctx)).join('\n\n')}`;
}

function pushPathBlock(path: PushPath, ctx: ReportContext): string {
  const channel =
    path.channel === undefined
      ? ''
      : ` through channel ${codeSpan(path.channel)}`;
  const state = path.complete
    ? 'every hop from publish to send was found'
    : '⚠️ incomplete: some hops were not found, so delivery across instances is unproven';
  const lines = [`**${inlineText(path.transport)}**${channel}: ${state}.`, ''];
  path.hops.forEach((hop, i) => {
    lines.push(
      `${i + 1}. ${inlineText(hop.step)}: ${inlineText(hop.detail)} (${ctx.cite(hop.site)})`,
    );
  });
  if (path.hops.length === 0) {
    lines.push(`No hops recorded (${ctx.citeAll(path.sites)}).`);
  }
  return lines.join('\n');
}
