import type { Finding, Severity } from '../../diff/types.js';
import { citeLocation } from '../markdown/cite-location.js';
import { codeSpan } from '../markdown/code-span.js';
import { markdownTable } from '../markdown/markdown-table.js';
import type { CommentContext } from './comment-context.js';

const SEVERITY_LABEL: Record<Severity, string> = {
  error: '🛑 error',
  warning: '⚠️ warning',
  info: 'ℹ️ info',
};

const HEADERS = ['severity', 'rule', 'finding', 'why', 'where'];

/** The `where` cell: `path:line`, linked on its side, base-side ones labelled. */
export function findingLocation(
  finding: Finding,
  context: CommentContext,
): string {
  if (finding.file === '') {
    return '';
  }
  const cite = citeLocation(
    finding.file,
    finding.line,
    context.linkBase?.[finding.side],
  );
  return finding.side === 'base' ? `${cite} (base)` : cite;
}

export function findingRow(
  finding: Finding,
  context: CommentContext,
): string[] {
  return [
    SEVERITY_LABEL[finding.severity],
    codeSpan(finding.rule),
    finding.message,
    finding.why,
    findingLocation(finding, context),
  ];
}

/** One table of findings, in the order given (the diff sorts by severity). */
export function findingsTable(
  findings: readonly Finding[],
  context: CommentContext,
): string {
  return markdownTable(
    HEADERS,
    findings.map((finding) => findingRow(finding, context)),
  );
}
