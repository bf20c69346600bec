import type { DiffResult } from '../diff/types.js';
import type { ArchitectureModel } from '../model/types.js';
import { codeSpan } from '../render/markdown/code-span.js';
import { ANALYSIS_BUDGET_ENV, TARBALL_LIMIT_ENV } from './limits-from-env.js';

/** Files named in one note; the rest are counted. */
const LISTED_FILES = 5;

/**
 * Notes for the comment saying where a limit cut the analysis short: files
 * over the size cap, and a budget that stopped parsing. Each names the
 * setting the app's operator can raise.
 */
export function limitNotes(
  diff: Pick<DiffResult, 'baseModel' | 'headModel'>,
): string[] {
  return [
    ...sideNotes('base', diff.baseModel),
    ...sideNotes('head', diff.headModel),
  ];
}

/** The same notes for one analyzed tree (a `/scaling-report` full report). */
export function sideNotes(
  side: 'base' | 'head',
  model: ArchitectureModel,
): string[] {
  const notes: string[] = [];
  const tooLarge = model.stats.skipped.filter((s) => s.reason === 'too-large');
  if (tooLarge.length > 0) {
    notes.push(
      `On the ${side}, ${count(tooLarge.length, 'file')} over the size limit ` +
        `\`maxFileBytes\` ${tooLarge.length === 1 ? 'was' : 'were'} skipped ` +
        `(${listed(tooLarge.map((s) => s.file))}); ` +
        `the operator can raise it with \`${TARBALL_LIMIT_ENV.maxFileBytes}\`.`,
    );
  }
  const budget = model.stats.budgetExceeded;
  if (budget) {
    const limit =
      budget.kind === 'wall-time'
        ? `its wall-time budget (${Math.round(budget.limit / 1000)} s)`
        : `its memory budget (${Math.round(budget.limit / 2 ** 20)} MiB of heap)`;
    const env =
      ANALYSIS_BUDGET_ENV[
        budget.kind === 'wall-time' ? 'wallTimeMs' : 'heapBytes'
      ];
    notes.push(
      `The analysis of the ${side} stopped at ${limit}: ` +
        `${count(budget.filesNotParsed, 'file')} not parsed, so findings may be missing. ` +
        `The result is partial; the operator can raise the budget with \`${env}\`.`,
    );
  }
  return notes;
}

function listed(files: string[]): string {
  const shown = files.slice(0, LISTED_FILES).map(codeSpan);
  const more = files.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
