import type { ArchitectureModel } from '../model/types.js';
import { fingerprint } from './fingerprint.js';
import { matchByIdentity } from './match-by-identity.js';
import { queueViews } from './queue-view.js';
import { diffRules } from './rules/registry.js';
import type { DiffContext, DiffRule, FindingDraft } from './rules/types.js';
import { summarize } from './summarize.js';
import type { DiffResult, Finding, Severity } from './types.js';

/** Per-rule settings, keyed by rule id (`retry-changed`). */
export interface RuleSetting {
  /** Whether the rule runs. Default true. */
  enabled?: boolean;
  /** Replaces the rule's default severity (see `rules/README.md`). */
  severity?: Severity;
}

export interface DiffOptions {
  /** Rules to turn off or re-grade. Rules not listed run with their defaults. */
  rules?: Record<string, RuleSetting>;
  /** Rules to run. Default: every rule in `rules/registry.ts`. */
  registry?: readonly DiffRule[];
}

const SEVERITY_ORDER: Record<Severity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/**
 * What a pull request does to the architecture: each rule compares the base
 * and head models, items paired by identity, never by line or position.
 * Findings are sorted by severity, then rule, then subject.
 */
export function diffArchitectures(
  base: ArchitectureModel,
  head: ArchitectureModel,
  options: DiffOptions = {},
): DiffResult {
  const context: DiffContext = {
    base,
    head,
    queues: matchByIdentity(
      queueViews(base.queues),
      queueViews(head.queues),
      (q) => q.identity,
    ),
  };

  const findings = new Map<string, { finding: Finding; order: string }>();
  for (const rule of options.registry ?? diffRules) {
    const setting = options.rules?.[rule.id];
    if (setting?.enabled === false) {
      continue;
    }
    const severity = setting?.severity ?? rule.severity;
    for (const draft of rule.detect(context)) {
      const finding = toFinding(rule.id, severity, draft);
      if (!findings.has(finding.fingerprint)) {
        findings.set(finding.fingerprint, { finding, order: orderKey(draft) });
      }
    }
  }

  const sorted = [...findings.values()].sort(
    (a, b) =>
      compareFindings(a.finding, b.finding) || a.order.localeCompare(b.order),
  );
  return {
    findings: sorted.map((entry) => entry.finding),
    base: summarize(base),
    head: summarize(head),
    baseModel: base,
    headModel: head,
  };
}

/** Severity (error first), then rule id, then subject name. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    a.rule.localeCompare(b.rule) ||
    (a.subject?.name ?? '').localeCompare(b.subject?.name ?? '')
  );
}

/** Breaks ties between findings of one rule and subject without using lines. */
function orderKey(draft: FindingDraft): string {
  return `${draft.identity}\0${draft.detail ?? ''}`;
}

function toFinding(
  rule: string,
  severity: Severity,
  draft: FindingDraft,
): Finding {
  const finding: Finding = {
    rule,
    severity,
    message: draft.message,
    why: draft.why,
    file: draft.file,
    line: draft.line,
    side: draft.side,
    fingerprint: fingerprint(
      rule,
      `${draft.subject.kind}:${draft.identity}`,
      draft.detail,
    ),
    subject: draft.subject,
  };
  if (draft.before !== undefined) {
    finding.before = draft.before;
  }
  if (draft.after !== undefined) {
    finding.after = draft.after;
  }
  return finding;
}
