import type { Finding, Severity } from '../../diff/types.js';

const ORDER: Severity[] = ['error', 'warning', 'info'];

/** `2 warnings, 1 info`: counts by severity, most severe first, zeros left out. */
export function severityCounts(findings: readonly Finding[]): string {
  return ORDER.map((severity) => {
    const count = findings.filter((f) => f.severity === severity).length;
    if (count === 0) {
      return '';
    }
    const noun = severity === 'info' || count === 1 ? severity : `${severity}s`;
    return `${count.toLocaleString('en-US')} ${noun}`;
  })
    .filter((part) => part !== '')
    .join(', ');
}

export function commentHeadline(findings: readonly Finding[]): string {
  return `**Scaling report**: ${severityCounts(findings)} in this pull request`;
}
