import type { ArchitectureModel } from '../../model/types.js';
import { codeSpan } from '../markdown/code-span.js';
import type { FileFactCount } from './file-facts.js';
import { countFileFacts } from './file-facts.js';
import type { ReportContext } from './report-context.js';

/** Files beyond this many are left out: the list is a starting point to read. */
const MAX_FILES = 10;

/** The files holding the most facts, each with what it holds. */
export function keyFilesSection(
  model: ArchitectureModel,
  ctx: ReportContext,
): string {
  const heading = '## Key Scaling Files';
  const ranked = countFileFacts(model).slice(0, MAX_FILES);
  if (ranked.length === 0) {
    return `${heading}\n\nNo files hold scaling facts.`;
  }
  const lines = ranked.map(
    (entry, i) => `${i + 1}. ${ctx.citeFile(entry.file)}: ${why(entry)}`,
  );
  return `${heading}\n\n${lines.join('\n')}`;
}

/** `3 facts: queue (orders, emails); shutdown (SIGTERM)`. */
function why(entry: FileFactCount): string {
  const parts = [...entry.categories].map(([category, subjects]) => {
    const names = [...subjects].slice(0, 3).map(codeSpan);
    const more =
      subjects.size > names.length ? `, +${subjects.size - names.length}` : '';
    return `${category} (${names.join(', ')}${more})`;
  });
  const facts = entry.total === 1 ? '1 fact' : `${entry.total} facts`;
  return `${facts}: ${parts.join('; ')}.`;
}
