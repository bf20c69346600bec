import type { FailLevel } from '../config/scaling-report-config.js';
import type { Finding, Severity } from '../diff/types.js';

/** `skipped` is only used for a run whose result a newer push superseded. */
export type CheckConclusion = 'success' | 'neutral' | 'failure' | 'skipped';

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * `success` when nothing changed, `failure` when a finding reaches the fail
 * level, `neutral` otherwise. With the default fail level `none` the check
 * informs and never blocks a merge.
 */
export function checkConclusion(
  findings: readonly Finding[],
  failLevel: FailLevel,
): CheckConclusion {
  if (findings.length === 0) {
    return 'success';
  }
  if (failLevel === 'none') {
    return 'neutral';
  }
  const threshold = RANK[failLevel];
  return findings.some((finding) => RANK[finding.severity] >= threshold)
    ? 'failure'
    : 'neutral';
}
