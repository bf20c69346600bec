import type { DiffResult } from '../../diff/types.js';
import type { ArchitectureModel } from '../../model/types.js';
import { inlineText } from '../markdown/escape-cell.js';

function failedAnalyzers(
  model: ArchitectureModel,
  side: 'base' | 'head',
): string[] {
  return model.stats.failedAnalyzers.map(
    (failure) =>
      `The \`${failure.analyzer}\` analyzer failed on the ${side} (${failure.message}); ` +
      'findings that depend on it may be missing.',
  );
}

/**
 * Notes the reader needs to trust the findings: the caller's (config
 * errors, caps hit) first, then analyzers that failed on either side.
 */
export function collectNotes(
  diff: DiffResult,
  notes: readonly string[] = [],
): string[] {
  return [
    ...notes,
    ...failedAnalyzers(diff.baseModel, 'base'),
    ...failedAnalyzers(diff.headModel, 'head'),
  ].map(inlineText);
}

export function notesSection(notes: readonly string[]): string | undefined {
  if (notes.length === 0) {
    return undefined;
  }
  return ['#### Notes', '', ...notes.map((note) => `- ${note}`)].join('\n');
}
