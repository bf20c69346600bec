import type { Schedule } from '../../model/types.js';
import type { Matched } from '../match-by-identity.js';
import { matchByIdentity } from '../match-by-identity.js';
import { primarySite } from '../queue-view.js';
import type { DiffContext, DiffRule, FindingDraft } from './types.js';
import { at } from './types.js';

/** Kind, expression and task; spaces inside a cron pattern are formatting. */
export function scheduleIdentity(schedule: Schedule): string {
  const expression = schedule.expression.trim().replace(/\s+/g, ' ');
  return `${schedule.kind}|${expression}|${schedule.task}`;
}

/** How a schedule is named in findings: task and expression. */
export function scheduleSubjectName(schedule: Schedule): string {
  return `${schedule.task} (${schedule.expression})`;
}

function schedules(context: DiffContext): Matched<Schedule> {
  return matchByIdentity(
    context.base.schedules,
    context.head.schedules,
    scheduleIdentity,
  );
}

function draft(schedule: Schedule): Omit<FindingDraft, 'message' | 'why'> {
  return {
    subject: { kind: 'schedule', name: scheduleSubjectName(schedule) },
    identity: scheduleIdentity(schedule),
    ...at(primarySite(schedule.sites), 'head'),
  };
}

function label(schedule: Schedule): string {
  return `Schedule \`${schedule.expression}\` running \`${schedule.task}\` (${schedule.kind})`;
}

export const scheduleAdded: DiffRule = {
  id: 'schedule-added',
  severity: 'info',
  summary: 'A cron or repeatable job appears.',
  detect: (context) =>
    schedules(context).added.map((schedule) => ({
      ...draft(schedule),
      message: `${label(schedule)} is added (guard: ${schedule.guard}).`,
      why: 'Scheduled work adds load at fixed times whether or not anyone is watching.',
    })),
};

const unguardedWhy =
  'Every replica runs its own timer, so the task runs once per instance: ' +
  'duplicate emails, charges or reports as soon as the service scales out.';

export const scheduleUnguarded: DiffRule = {
  id: 'schedule-unguarded',
  severity: 'warning',
  summary:
    'A new schedule, or one whose guard was dropped, runs on every replica.',
  detect: (context) => {
    const matched = schedules(context);
    const fresh = matched.added
      .filter((schedule) => schedule.guard === 'unguarded')
      .map((schedule) => ({
        ...draft(schedule),
        detail: 'new',
        message: `${label(schedule)} has no leader election, lock or unique job.`,
        why: unguardedWhy,
      }));
    const dropped = matched.kept
      .filter(
        ({ base, head }) =>
          base.guard !== 'unguarded' && head.guard === 'unguarded',
      )
      .map(({ base, head }) => ({
        ...draft(head),
        detail: 'dropped',
        message: `${label(head)} lost its guard: ${base.guard} → unguarded.`,
        why: unguardedWhy,
        before: base.guard,
        after: head.guard,
      }));
    return [...fresh, ...dropped];
  },
};
