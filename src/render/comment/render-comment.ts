import type { DiffResult } from '../../diff/types.js';
import { commentFooter } from './comment-footer.js';
import type { CommentContext } from './comment-context.js';
import {
  COMMENT_MARKER,
  DEFAULT_MAX_COMMENT_LENGTH,
} from './comment-context.js';
import { commentHeadline } from './comment-headline.js';
import { collectNotes, notesSection } from './comment-notes.js';
import { topologySection } from './diff-topology.js';
import { fitComment } from './fit-comment.js';
import { findingsTable } from './findings-table.js';
import { unchangedDetails } from './unchanged-details.js';

export { COMMENT_MARKER };
export type { CommentContext };

/**
 * The pull request comment: marker, headline, findings table, the head
 * topology with changes marked, the unchanged parts collapsed, notes and a
 * footer naming the revisions. Sections are dropped to stay under
 * `maxLength`, and the comment says what was cut. Without findings it is
 * the all-clear body that replaces an earlier comment.
 */
export function renderComment(
  diff: DiffResult,
  context: CommentContext,
): string {
  if (diff.findings.length === 0) {
    return renderResolvedComment(context, diff);
  }

  return fitComment(
    {
      header: [COMMENT_MARKER, commentHeadline(diff.findings)].join('\n'),
      table: (count) => findingsTable(diff.findings.slice(0, count), context),
      findingCount: diff.findings.length,
      diagram: topologySection(diff),
      details: unchangedDetails(diff, context),
      notes: collectNotes(diff, context.notes),
      footer: commentFooter(context),
    },
    context.maxLength ?? DEFAULT_MAX_COMMENT_LENGTH,
  );
}

/**
 * The body for a push that leaves no findings, so a comment posted for an
 * earlier push does not go stale. Notes still say when analysis was partial.
 */
export function renderResolvedComment(
  context: CommentContext,
  diff?: DiffResult,
): string {
  const notes = diff
    ? collectNotes(diff, context.notes)
    : (context.notes ?? []);
  const parts = [
    COMMENT_MARKER,
    '**Scaling report**: no scaling findings remain in the latest push.',
    notesSection(notes),
    commentFooter(context),
  ];
  return `${parts.filter((part) => part !== undefined).join('\n\n')}\n`;
}
