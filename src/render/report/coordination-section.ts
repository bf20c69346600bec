import type {
  ArchitectureModel,
  LeaderElection,
  Schedule,
} from '../../model/types.js';
import { codeSpan } from '../markdown/code-span.js';
import { inlineText } from '../markdown/escape-cell.js';
import { formatOption } from './format-option.js';
import type { ReportContext } from './report-context.js';

/** Leader election, locks, and how each schedule avoids firing twice. */
export function coordinationSection(
  model: ArchitectureModel,
  ctx: ReportContext,
): string {
  const heading = '## Coordination Mechanisms';
  const lines: string[] = [];

  if (model.leaderElection.length === 0) {
    lines.push('No leader election or distributed locks found.');
  }
  for (const election of model.leaderElection) {
    lines.push(`- ${electionLine(election, ctx)}`);
  }

  if (model.schedules.length > 0) {
    lines.push('', 'How each schedule avoids double firing:', '');
    lines.push(
      ...model.schedules.map(
        (schedule) => `- ${scheduleGuardLine(schedule, ctx)}`,
      ),
    );
  }
  return `${heading}\n\n${lines.join('\n')}`;
}

function electionLine(election: LeaderElection, ctx: ReportContext): string {
  const parts = [`**${inlineText(election.mechanism)}**`];
  if (election.key !== undefined) {
    parts.push(`on key ${codeSpan(election.key)}`);
  }
  if (election.ttl) {
    parts.push(`TTL ${formatOption(election.ttl, ctx)}`);
  }
  parts.push(
    election.renewed
      ? 'renewed by a loop'
      : '⚠️ never renewed: the lock lapses after its TTL',
  );
  const guards = election.guards.map(codeSpan).join(', ');
  const guarded = guards ? `; only the leader runs ${guards}` : '';
  return `${parts.join(', ')}${guarded} (${ctx.citeAll(election.sites)}).`;
}

const GUARD_TEXT: Record<Schedule['guard'], string> = {
  leader: 'runs only on the elected leader',
  lock: 'takes a lock before running',
  'queue-unique': 'is a repeatable queue job, stored once in the queue',
  unguarded: '⚠️ unguarded: fires once per running instance',
};

/** One line: the schedule, how it is guarded, and where it is. */
export function scheduleGuardLine(
  schedule: Schedule,
  ctx: ReportContext,
): string {
  const task = `${codeSpan(schedule.expression)} → ${codeSpan(schedule.task)}`;
  const what = `${inlineText(schedule.kind)} ${task}`;
  const detail = schedule.guardDetail
    ? ` (${inlineText(schedule.guardDetail)})`
    : '';
  return `${what} ${GUARD_TEXT[schedule.guard]}${detail}, ${ctx.citeAll(schedule.sites)}.`;
}
