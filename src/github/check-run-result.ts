import type { FailLevel } from '../config/scaling-report-config.js';
import type { DiffResult, Severity } from '../diff/types.js';
import type { ArchitectureModel } from '../model/types.js';
import { checkConclusion } from './check-conclusion.js';
import type { CheckRunResult } from './check-run.js';
import { findingAnnotations } from './finding-annotations.js';

export interface CheckRunContext {
  failLevel: FailLevel;
  baseSha: string;
  headSha: string;
  /** Problems to surface, such as a configuration that could not be used. */
  notes: readonly string[];
  /** The rendered findings, shown under the summary. */
  details?: string;
}

/** The check run for a finished analysis: verdict, counts, notes and annotations. */
export function analysisCheckResult(
  diff: DiffResult,
  context: CheckRunContext,
): CheckRunResult {
  const count = diff.findings.length;
  const headline =
    count === 0
      ? `No change to the queue and high-availability architecture between the merge base ` +
        `\`${short(context.baseSha)}\` and \`${short(context.headSha)}\`.`
      : `**${plural(count, 'finding')}** (${severityCounts(diff)}) ` +
        `in \`${short(context.headSha)}\` ` +
        `against the merge base \`${short(context.baseSha)}\`.`;
  const sections = [
    headline,
    failLevelLine(context.failLevel),
    listSection('Configuration', context.notes),
    listSection('Analysis notes', [
      ...modelNotes('base', diff.baseModel),
      ...modelNotes('head', diff.headModel),
    ]),
  ];

  return {
    conclusion: checkConclusion(diff.findings, context.failLevel),
    title:
      count === 0
        ? 'No architecture change'
        : `${plural(count, 'finding')}: ${severityCounts(diff)}`,
    summary: sections.filter((section) => section !== '').join('\n\n'),
    ...(count > 0 && context.details !== undefined
      ? { text: context.details }
      : {}),
    annotations: findingAnnotations(diff.findings),
  };
}

/** The check run when nothing could be analyzed: neutral, with the reason. */
export function unavailableCheckResult(
  reason: string,
  notes: readonly string[],
): CheckRunResult {
  return {
    conclusion: 'neutral',
    title: 'Analysis unavailable',
    summary: [reason, listSection('Configuration', notes)]
      .filter((part) => part !== '')
      .join('\n\n'),
    annotations: [],
  };
}

/** The check run of a result that was not posted: a newer push superseded it. */
export function supersededCheckResult(headSha: string): CheckRunResult {
  return {
    conclusion: 'skipped',
    title: 'Superseded',
    summary:
      `The analysis of \`${short(headSha)}\` was not posted: a newer push to the ` +
      'pull request superseded it, or another worker took the run over. ' +
      "The pull request's newest head has the current result.",
    annotations: [],
  };
}

function failLevelLine(failLevel: FailLevel): string {
  return failLevel === 'none'
    ? 'Fail level `none`: this check reports and never fails.'
    : `Fail level \`${failLevel}\`: a finding at \`${failLevel}\` or above fails this check.`;
}

function severityCounts(diff: DiffResult): string {
  const order: Severity[] = ['error', 'warning', 'info'];
  return order
    .map(
      (severity) =>
        [
          severity,
          diff.findings.filter((f) => f.severity === severity).length,
        ] as const,
    )
    .filter(([, n]) => n > 0)
    .map(([severity, n]) => `${n} ${severity}`)
    .join(', ');
}

function modelNotes(side: string, model: ArchitectureModel): string[] {
  const notes = model.stats.failedAnalyzers.map(
    (failure) =>
      `The \`${failure.analyzer}\` analyzer failed on the ${side}: ${failure.message}`,
  );
  if (model.stats.skipped.length > 0) {
    const reasons = new Map<string, number>();
    model.stats.skipped.forEach((s) =>
      reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1),
    );
    const detail = [...reasons]
      .map(([reason, n]) => `${reason}: ${n}`)
      .join(', ');
    notes.push(
      `${plural(model.stats.skipped.length, 'file')} skipped on the ${side} (${detail}).`,
    );
  }
  const budget = model.stats.budgetExceeded;
  if (budget) {
    notes.push(
      `The ${side} analysis ran out of its ${budget.kind} budget (${budget.limit}) ` +
        `and is partial: ${plural(budget.filesNotParsed, 'file')} not parsed.`,
    );
  }
  return notes;
}

function listSection(title: string, items: readonly string[]): string {
  return items.length === 0
    ? ''
    : `### ${title}\n\n${items.map((item) => `- ${item}`).join('\n')}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function short(sha: string): string {
  return sha.slice(0, 7);
}
