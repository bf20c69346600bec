import type {
  LeaderElection,
  Schedule,
  ArchitectureModel,
} from '../../model/types.js';
import { site } from '../shared/site.js';
import type { BuildContext } from '../types.js';
import { scheduleExpression } from './schedule-expression.js';
import type { GuardEvidence, RawSchedule } from './types.js';

/** Resolves each schedule's pattern across files and names its guard. */
export function buildSchedules(
  context: BuildContext<RawSchedule>,
): Partial<ArchitectureModel> {
  const elections = context.model.leaderElection;
  const schedules: Schedule[] = [];
  for (const { file, items } of context.facts) {
    for (const raw of items) {
      if (isElectionLoop(raw, file, elections)) {
        continue;
      }
      const expression = context.resolver.resolve(raw.expression, file);
      schedules.push({
        kind: raw.kind,
        expression: scheduleExpression(expression, raw.form),
        task: raw.task,
        ...guardOf(raw, file, elections),
        sites: [site(file, raw.line, 'schedule')],
      });
    }
  }
  return { schedules };
}

/** The timer that acquires or renews a leader lock runs on every instance by design. */
function isElectionLoop(
  raw: RawSchedule,
  file: string,
  elections: readonly LeaderElection[],
): boolean {
  const lines = raw.handlerLines;
  if (raw.kind !== 'set-interval' || !lines) {
    return false;
  }
  return elections.some((election) =>
    election.sites.some(
      (s) =>
        s.file === file &&
        (s.role === 'acquire' || s.role === 'renew') &&
        (s.line === raw.line ||
          lines.some(([first, last]) => s.line >= first && s.line <= last)),
    ),
  );
}

function guardOf(
  raw: RawSchedule,
  file: string,
  elections: readonly LeaderElection[],
): Pick<Schedule, 'guard' | 'guardDetail'> {
  if (raw.evidence) {
    return {
      guard: raw.evidence.guard,
      guardDetail: evidenceDetail(raw.evidence, file),
    };
  }
  const names = new Set([...raw.runs, ...raw.enclosing].flatMap(nameForms));
  for (const election of elections) {
    const guard = election.guards.find((g) =>
      nameForms(g).some((form) => names.has(form)),
    );
    const at =
      election.sites.find((s) => s.role === 'acquire') ?? election.sites[0];
    if (guard !== undefined && at) {
      return {
        guard: 'leader',
        guardDetail:
          `${guard} runs only on the leader ` +
          `(${election.mechanism} at ${at.file}:${at.line})`,
      };
    }
  }
  return { guard: 'unguarded' };
}

function evidenceDetail(evidence: GuardEvidence, file: string): string {
  const at = `${file}:${evidence.line}`;
  switch (evidence.guard) {
    case 'leader':
      return `checks leadership with ${evidence.what} at ${at}`;
    case 'lock':
      return `takes a lock with ${evidence.what} at ${at}`;
    case 'queue-unique':
      return `Agenda keeps one job per name and locks it while it runs (${at})`;
  }
}

/** `reportService.run` also matches a guard written `run`, and the reverse. */
function nameForms(name: string): string[] {
  const bare = name.replace(/^this\./, '');
  const last = bare.slice(bare.lastIndexOf('.') + 1);
  return last === bare ? [bare] : [bare, last];
}
