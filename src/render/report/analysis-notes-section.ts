import type { ArchitectureModel } from '../../model/types.js';
import { codeSpan } from '../markdown/code-span.js';
import { inlineText } from '../markdown/escape-cell.js';

/** Files named per skip reason; the rest are counted. */
const NAMED_PER_REASON = 3;

/**
 * Skipped files and failed analyzers, so a reader knows what the report may
 * be missing. Empty when the whole tree was analyzed.
 */
export function analysisNotesSection(
  model: ArchitectureModel,
): string | undefined {
  const { skipped, failedAnalyzers } = model.stats;
  if (skipped.length === 0 && failedAnalyzers.length === 0) {
    return undefined;
  }
  const lines: string[] = [];

  for (const failure of failedAnalyzers) {
    const name = `**${inlineText(failure.analyzer)}**`;
    const message = inlineText(failure.message);
    lines.push(
      `- ⚠️ Analyzer ${name} failed, so this report is partial: ${message}`,
    );
  }

  const reasons = [...new Set(skipped.map((file) => file.reason))].sort();
  for (const reason of reasons) {
    const files = skipped
      .filter((file) => file.reason === reason)
      .map((file) => file.file);
    const named = files.slice(0, NAMED_PER_REASON).map(codeSpan).join(', ');
    const rest =
      files.length > NAMED_PER_REASON
        ? ` and ${files.length - NAMED_PER_REASON} more`
        : '';
    const noun = files.length === 1 ? 'file' : 'files';
    lines.push(
      `- ${files.length} ${noun} skipped (${inlineText(reason)}): ${named}${rest}.`,
    );
  }
  return `## Analysis notes\n\n${lines.join('\n')}`;
}
