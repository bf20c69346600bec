import { schedulesAnalyzer } from '../../../src/analyzers/schedules/index.js';
import type { Analyzer } from '../../../src/analyzers/types.js';
import type { Schedule } from '../../../src/model/types.js';
import { analyzeFiles } from '../../helpers/analyze-files.js';

async function schedulesOf(files: Record<string, string>): Promise<Schedule[]> {
  const model = await analyzeFiles(files);
  return model.schedules.filter(
    (s) => s.guard !== 'queue-unique' || s.kind === 'agenda',
  );
}

describe('schedules analyzer', () => {
  it('reports a node-cron schedule with no guard', async () => {
    const schedules = await schedulesOf({
      'src/cron.ts': `import cron from 'node-cron';
import { cleanupSessions } from './sessions';

cron.schedule('*/5 * * * *', async () => {
  await cleanupSessions();
});`,
    });

    expect(schedules).toEqual([
      {
        kind: 'node-cron',
        expression: '*/5 * * * *',
        task: 'cleanupSessions',
        guard: 'unguarded',
        sites: [{ file: 'src/cron.ts', line: 4, role: 'schedule' }],
      },
    ]);
  });

  it('resolves a pattern constant from another file', async () => {
    const schedules = await schedulesOf({
      'src/cron.ts': `import * as cron from 'node-cron';
import { DIGEST_CRON } from './config';
cron.schedule(DIGEST_CRON, sendDigest);
function sendDigest() {}`,
      'src/config.ts': `export const DIGEST_CRON = '0 8 * * 1';`,
    });

    expect(schedules).toEqual([
      expect.objectContaining({ expression: '0 8 * * 1', task: 'sendDigest' }),
    ]);
  });

  it('keeps an environment pattern as written', async () => {
    const schedules = await schedulesOf({
      'src/cron.ts': `import cron from 'node-cron';
cron.schedule(process.env.REPORT_CRON!, () => buildReport());`,
    });

    expect(schedules.map((s) => s.expression)).toEqual([
      '{process.env.REPORT_CRON}',
    ]);
  });

  it('sees a leader check in a cron handler', async () => {
    const schedules = await schedulesOf({
      'src/jobs.ts': `import { CronJob } from 'cron';
import { leader } from './leader';

export const digest = new CronJob('0 * * * *', async () => {
  if (!(await leader.isLeader())) {
    return;
  }
  await sendDigest();
});`,
    });

    expect(schedules).toEqual([
      {
        kind: 'cron',
        expression: '0 * * * *',
        task: 'sendDigest',
        guard: 'leader',
        guardDetail:
          'checks leadership with if (!(await leader.isLeader())) at src/jobs.ts:5',
        sites: [{ file: 'src/jobs.ts', line: 4, role: 'schedule' }],
      },
    ]);
  });

  it('reads CronJob.from options', async () => {
    const schedules = await schedulesOf({
      'src/jobs.ts': `import { CronJob } from 'cron';
CronJob.from({
  cronTime: '0 0 * * *',
  onTick: rotateKeys,
  start: true,
});`,
    });

    expect(schedules).toEqual([
      {
        kind: 'cron',
        expression: '0 0 * * *',
        task: 'rotateKeys',
        guard: 'unguarded',
        sites: [{ file: 'src/jobs.ts', line: 2, role: 'schedule' }],
      },
    ]);
  });

  it('sees a redlock acquisition in a @Cron method', async () => {
    const schedules = await schedulesOf({
      'src/billing.service.ts': `import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import Redlock from 'redlock';

@Injectable()
export class BillingService {
  constructor(private readonly redlock: Redlock) {}

  @Cron(CronExpression.EVERY_HOUR)
  async chargeSubscriptions() {
    const lock = await this.redlock.acquire(['locks:billing'], 60000);
    try {
      await this.charge();
    } finally {
      await lock.release();
    }
  }

  private async charge() {}
}`,
    });

    expect(schedules).toEqual([
      {
        kind: 'nestjs-schedule',
        expression: 'CronExpression.EVERY_HOUR',
        task: 'BillingService.chargeSubscriptions',
        guard: 'lock',
        guardDetail:
          'takes a lock with redlock.acquire() at src/billing.service.ts:11',
        sites: [{ file: 'src/billing.service.ts', line: 9, role: 'schedule' }],
      },
    ]);
  });

  it.each([
    [
      'a lock decorator',
      `@UseLock('sync')
  @Cron('0 */10 * * * *')
  async sync() { await this.api.pull(); }`,
      'takes a lock with @UseLock at src/sync.ts:5',
    ],
    [
      'SET NX on redis',
      `@Cron('0 */10 * * * *')
  async sync() {
    const ok = await this.redis.set('lock:sync', '1', 'PX', 60000, 'NX');
    if (ok) { await this.api.pull(); }
  }`,
      "takes a lock with redis.set(... 'NX') at src/sync.ts:7",
    ],
    [
      'a lock helper in the same class',
      `@Cron('0 */10 * * * *')
  async sync() { await this.pullSafely(); }

  private async pullSafely() {
    await withLock('sync', () => this.api.pull());
  }`,
      'takes a lock with withLock() at src/sync.ts:9',
    ],
    [
      'a Postgres advisory lock',
      `@Cron('0 */10 * * * *')
  async sync() {
    const [row] = await this.db.query('SELECT pg_try_advisory_lock(42) AS ok');
    if (row.ok) { await this.api.pull(); }
  }`,
      'takes a lock with pg_try_advisory_lock at src/sync.ts:7',
    ],
  ])('sees %s as a lock guard', async (_label, method, guardDetail) => {
    const schedules = await schedulesOf({
      'src/sync.ts': `import { Cron } from '@nestjs/schedule';
import { UseLock, withLock } from './lock';

export class SyncService {
  ${method}
}`,
    });

    expect(schedules).toEqual([
      expect.objectContaining({
        task: 'SyncService.sync',
        guard: 'lock',
        guardDetail,
      }),
    ]);
  });

  it('reads @Interval in both forms and skips @Timeout', async () => {
    const schedules = await schedulesOf({
      'src/poller.ts': `import { Interval, Timeout } from '@nestjs/schedule';
import { POLL_MS } from './config';

export class Poller {
  @Interval(POLL_MS)
  poll() {}

  @Interval('heartbeat', 5000)
  beat() {}

  @Timeout(1000)
  warmUp() {}
}`,
      'src/config.ts': `export const POLL_MS = 30 * 1000;`,
    });

    expect(
      schedules.map(({ expression, task, sites }) => ({
        expression,
        task,
        sites,
      })),
    ).toEqual([
      {
        expression: 'every 30000ms',
        task: 'Poller.poll',
        sites: [{ file: 'src/poller.ts', line: 5, role: 'schedule' }],
      },
      {
        expression: 'every 5000ms',
        task: 'Poller.beat',
        sites: [{ file: 'src/poller.ts', line: 8, role: 'schedule' }],
      },
    ]);
  });

  it('reports setInterval with its delay and task', async () => {
    const schedules = await schedulesOf({
      'src/rates.ts': `import { refreshRates } from './rates-client';
import { FLUSH_MS } from './config';

setInterval(refreshRates, 60 * 1000);

export class Metrics {
  start() {
    setInterval(() => {
      void this.flush();
    }, FLUSH_MS);
  }
  flush() {}
}`,
      'src/config.ts': `export const FLUSH_MS = 10000;`,
    });

    expect(schedules).toEqual([
      {
        kind: 'set-interval',
        expression: 'every 60000ms',
        task: 'refreshRates',
        guard: 'unguarded',
        sites: [{ file: 'src/rates.ts', line: 4, role: 'schedule' }],
      },
      {
        kind: 'set-interval',
        expression: 'every 10000ms',
        task: 'flush',
        guard: 'unguarded',
        sites: [{ file: 'src/rates.ts', line: 8, role: 'schedule' }],
      },
    ]);
  });

  it('keeps a dynamic interval as written and skips browser timers', async () => {
    const schedules = await schedulesOf({
      'src/sweep.ts': `export function startSweeper(options: { everyMs: number }) {
  setInterval(sweep, options.everyMs);
}
function sweep() {}`,
      'web/Clock.tsx': `export function Clock() { setInterval(() => tick(), 1000); return null; }`,
    });

    expect(schedules.map((s) => [s.expression, s.sites[0]?.file])).toEqual([
      ['every {options.everyMs}ms', 'src/sweep.ts'],
    ]);
  });

  it.each([
    [
      'node-schedule with a job name',
      `import schedule from 'node-schedule';
schedule.scheduleJob('nightly-export', '30 2 * * *', () => exportAll());`,
      {
        kind: 'node-schedule',
        expression: '30 2 * * *',
        task: 'nightly-export',
        guard: 'unguarded',
      },
    ],
    [
      'node-schedule with a rule object',
      `import { scheduleJob } from 'node-schedule';
scheduleJob({ hour: 14, minute: 30 }, sendReminders);`,
      {
        kind: 'node-schedule',
        expression: '{ hour: 14, minute: 30 }',
        task: 'sendReminders',
        guard: 'unguarded',
      },
    ],
    [
      'a toad-scheduler interval job',
      `import { AsyncTask, SimpleIntervalJob } from 'toad-scheduler';
const task = new AsyncTask('purge tokens', () => purgeTokens());
scheduler.addSimpleIntervalJob(new SimpleIntervalJob({ minutes: 5 }, task));`,
      {
        kind: 'toad-scheduler',
        expression: 'every 5 minutes',
        task: 'purge tokens',
        guard: 'unguarded',
      },
    ],
    [
      'an agenda job, which Agenda runs on one instance',
      `import { Agenda } from 'agenda';
const agenda = new Agenda({ db: { address: MONGO_URL } });
agenda.every('15 minutes', 'send digests');`,
      {
        kind: 'agenda',
        expression: '15 minutes',
        task: 'send digests',
        guard: 'queue-unique',
        guardDetail:
          'Agenda keeps one job per name and locks it while it runs (src/jobs.ts:3)',
      },
    ],
  ])('reads %s', async (_label, source, expected) => {
    const schedules = await schedulesOf({ 'src/jobs.ts': source });

    expect(schedules).toEqual([expect.objectContaining(expected)]);
  });

  it('skips a one-off node-schedule date', async () => {
    const schedules = await schedulesOf({
      'src/jobs.ts': `import schedule from 'node-schedule';
schedule.scheduleJob(new Date(2030, 0, 1), () => launch());`,
    });

    expect(schedules).toEqual([]);
  });

  it('sees a schedule registered only once elected', async () => {
    const schedules = await schedulesOf({
      'src/main.ts': `import cron from 'node-cron';
import { elector } from './elector';

elector.on('elected', () => {
  cron.schedule('* * * * *', () => reconcile());
});`,
    });

    expect(schedules).toEqual([
      expect.objectContaining({
        task: 'reconcile',
        guard: 'leader',
        guardDetail:
          "checks leadership with elector.on('elected') at src/main.ts:4",
      }),
    ]);
  });

  it('reads leader-only functions from the leader election model', async () => {
    const leaderElection: Analyzer = {
      id: 'leader-election-fixture',
      keywords: [],
      extract: () => [],
      build: () => ({
        leaderElection: [
          {
            mechanism: 'leader-lock',
            key: 'leader',
            renewed: true,
            guards: ['reconcileAll'],
            sites: [{ file: 'src/leader.ts', line: 3, role: 'acquire' }],
          },
        ],
      }),
    };

    const model = await analyzeFiles(
      {
        'src/main.ts': `import cron from 'node-cron';
import { reconcileAll } from './reconcile';
cron.schedule('*/2 * * * *', reconcileAll);`,
      },
      { analyzers: [leaderElection, schedulesAnalyzer] },
    );

    expect(model.schedules).toEqual([
      expect.objectContaining({
        task: 'reconcileAll',
        guard: 'leader',
        guardDetail:
          'reconcileAll runs only on the leader (leader-lock at src/leader.ts:3)',
      }),
    ]);
  });

  it('leaves out the timer that renews the leader lock itself', async () => {
    const leaderElection: Analyzer = {
      id: 'leader-election-fixture',
      keywords: [],
      extract: () => [],
      build: () => ({
        leaderElection: [
          {
            mechanism: 'leader-lock',
            renewed: true,
            guards: [],
            sites: [{ file: 'src/leader.ts', line: 3, role: 'renew' }],
          },
        ],
      }),
    };

    const model = await analyzeFiles(
      {
        'src/leader.ts': `import { redis } from './redis';
async function campaign() {
  await redis.pexpire('leader', 10000);
}
setInterval(() => void campaign(), 3000);
setInterval(() => publishHeartbeat(), 5000);`,
      },
      { analyzers: [leaderElection, schedulesAnalyzer] },
    );

    expect(model.schedules.map((s) => [s.task, s.sites[0]?.line])).toEqual([
      ['publishHeartbeat', 6],
    ]);
  });
});
