import type { Finding, Severity } from '../diff/types.js';

/** GitHub accepts at most this many annotations per check-run request. */
export const ANNOTATIONS_PER_REQUEST = 50;

/** One line-level note on a check run, in the shape the checks API takes. */
export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  title: string;
  message: string;
}

const LEVELS: Record<Severity, CheckAnnotation['annotation_level']> = {
  info: 'notice',
  warning: 'warning',
  error: 'failure',
};

/**
 * Annotations for the findings that point into the head. A finding about
 * something removed points into the base, where no annotation can be shown;
 * it stays in the summary and the comment.
 */
export function findingAnnotations(
  findings: readonly Finding[],
): CheckAnnotation[] {
  return findings
    .filter((finding) => finding.side === 'head' && finding.line > 0)
    .map((finding) => ({
      path: finding.file,
      start_line: finding.line,
      end_line: finding.line,
      annotation_level: LEVELS[finding.severity],
      title: finding.rule,
      message: `${finding.message}\n\n${finding.why}`,
    }));
}

/** Splits a list into consecutive groups of at most `size`. */
export function inBatches<T>(
  items: readonly T[],
  size = ANNOTATIONS_PER_REQUEST,
): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) {
    batches.push(items.slice(start, start + size));
  }
  return batches;
}
