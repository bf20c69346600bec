import type { Expr } from '../../facts/expr.js';
import { patternOf, propOf } from '../../facts/expr.js';
import type { Schedule, Site } from '../../model/types.js';
import type { QueueFamily } from './library-target.js';

const LIBRARY_NAME: Record<QueueFamily, string> = {
  bullmq: 'BullMQ',
  bull: 'Bull',
  'bee-queue': 'Bee-Queue',
};

/**
 * `add(name, data, { repeat: { pattern | cron | every } })`. Repeatable
 * jobs live in Redis under a key made of the job name and repeat options,
 * so the schedule is shared by every instance instead of firing per process.
 */
export function repeatSchedule(
  family: QueueFamily,
  repeat: Expr,
  task: string,
  site: Site,
): Schedule {
  const library = LIBRARY_NAME[family];
  return {
    kind: family === 'bull' ? 'bull-repeat' : 'bullmq-repeat',
    expression: repeatExpression(repeat),
    task,
    guard: 'queue-unique',
    guardDetail:
      `${library} keeps one repeatable job in Redis per job name and repeat options, ` +
      'so every instance that adds it shares one schedule and each run happens once.',
    sites: [{ ...site, role: 'schedule' }],
  };
}

/** `upsertJobScheduler(id, { pattern | every }, { name, data, opts })`. */
export function jobSchedulerSchedule(
  id: Expr | undefined,
  repeat: Expr | undefined,
  task: string,
  site: Site,
): Schedule {
  const idText = id ? patternOf(id) : '';
  return {
    kind: 'bullmq-job-scheduler',
    expression: repeat ? repeatExpression(repeat) : '',
    task,
    guard: 'queue-unique',
    guardDetail:
      `BullMQ upserts the job scheduler '${idText}' in Redis by its id, ` +
      'so every instance that runs this call shares one scheduler and each run happens once.',
    sites: [{ ...site, role: 'schedule' }],
  };
}

/** The cron pattern, or the interval as `every <ms>ms`, as the code states it. */
function repeatExpression(repeat: Expr): string {
  const pattern = propOf(repeat, 'pattern') ?? propOf(repeat, 'cron');
  if (pattern) {
    return patternOf(pattern);
  }
  const every = propOf(repeat, 'every');
  if (every) {
    return `every ${patternOf(every)}ms`;
  }
  return patternOf(repeat);
}
