import { analyzeFiles } from '../../helpers/analyze-files.js';

const REDIS = `import Redis from 'ioredis';\nexport const redis = new Redis();\n`;

describe('leader-election: redis locks', () => {
  it('finds a leader lock renewed from a timer, its TTL constant and the calls it guards', async () => {
    const model = await analyzeFiles({
      'src/redis.ts': REDIS,
      'src/leader.ts': `import { redis } from './redis';
import { runDueJobs, sweep } from './jobs';
const LEADER_KEY = 'scheduler:leader';
const TTL_MS = 30_000;
export class LeaderElector {
  private isLeader = false;
  constructor(private readonly id: string) {}
  async tick() {
    const acquired = await redis.set(LEADER_KEY, this.id, 'PX', TTL_MS, 'NX');
    if (acquired === 'OK') {
      this.isLeader = true;
    }
  }
  start() {
    setInterval(() => this.renew(), 10_000);
  }
  async renew() {
    await redis.pexpire(LEADER_KEY, TTL_MS);
  }
  async runOnce() {
    if (!this.isLeader) return;
    await runDueJobs();
    sweep();
  }
  async stop() { await redis.del(LEADER_KEY); }
}
`,
    });

    expect(model.leaderElection).toEqual([
      {
        mechanism: 'leader-lock',
        key: 'scheduler:leader',
        ttl: {
          source: 'constant',
          value: 30000,
          text: 'TTL_MS',
          file: 'src/leader.ts',
          line: 9,
        },
        renewed: true,
        guards: ['runDueJobs', 'sweep'],
        sites: [
          { file: 'src/leader.ts', line: 9, role: 'acquire' },
          { file: 'src/leader.ts', line: 18, role: 'renew' },
          { file: 'src/leader.ts', line: 22, role: 'guarded' },
          { file: 'src/leader.ts', line: 23, role: 'guarded' },
          { file: 'src/leader.ts', line: 25, role: 'release' },
        ],
      },
    ]);
  });

  it.each([
    [
      "ioredis flags 'NX', 'EX'",
      `redis.set('job:lock', '1', 'NX', 'EX', 30)`,
      '30',
    ],
    [
      'node-redis options { NX, PX }',
      `redis.set('job:lock', '1', { NX: true, PX: 30 })`,
      '30',
    ],
  ])(
    'reads a one-shot lock taken with %s, guarded by the if around it',
    async (_l, call, ttl) => {
      const model = await analyzeFiles({
        'src/redis.ts': REDIS,
        'src/job.ts': `import { redis } from './redis';
export async function nightly() {
  if (await ${call}) {
    await exportReports();
  }
}
`,
      });

      expect(model.leaderElection).toEqual([
        {
          mechanism: 'redis-lock',
          key: 'job:lock',
          ttl: {
            source: 'literal',
            value: Number(ttl),
            text: ttl,
            file: 'src/job.ts',
            line: 3,
          },
          renewed: false,
          guards: ['exportReports'],
          sites: [
            { file: 'src/job.ts', line: 3, role: 'acquire' },
            { file: 'src/job.ts', line: 4, role: 'guarded' },
          ],
        },
      ]);
    },
  );

  it('takes the TTL of a setnx lock from the expire on the same key', async () => {
    const model = await analyzeFiles({
      'src/redis.ts': REDIS,
      'src/cron.ts': `import { redis } from './redis';
export async function tryLead() {
  const ok = await redis.setnx('cron:leader', process.pid);
  if (!ok) return;
  await redis.expire('cron:leader', 60);
  await runCron();
}
`,
    });

    expect(model.leaderElection).toEqual([
      {
        mechanism: 'redis-lock',
        key: 'cron:leader',
        ttl: {
          source: 'literal',
          value: 60,
          text: '60',
          file: 'src/cron.ts',
          line: 5,
        },
        renewed: false,
        guards: ['runCron'],
        sites: [
          { file: 'src/cron.ts', line: 3, role: 'acquire' },
          { file: 'src/cron.ts', line: 6, role: 'guarded' },
        ],
      },
    ]);
  });

  it('does not take an idempotency key set with NX for a lock', async () => {
    const model = await analyzeFiles({
      'src/redis.ts': REDIS,
      'src/dedupe.ts': `import { redis } from './redis';
export const firstTime = (id: string) => redis.set(\`processed:\${id}\`, '1', 'EX', 60, 'NX');
`,
    });

    expect(model.leaderElection).toEqual([]);
  });
});

describe('leader-election: lock libraries', () => {
  it('reads redlock using() (auto-extended) and acquire() with release', async () => {
    const model = await analyzeFiles({
      'src/redis.ts': REDIS,
      'src/report.ts': `import Redlock from 'redlock';
import { redis } from './redis';
const redlock = new Redlock([redis], { retryCount: 3, driftFactor: 0.01 });
export async function report() {
  await redlock.using(['locks:report'], 5000, async () => { await buildReport(); await mail(); });
  const lock = await redlock.acquire(['locks:billing'], 10_000);
  try {
    await charge();
  } finally {
    await lock.release();
  }
}
`,
    });

    expect(model.leaderElection).toEqual([
      {
        mechanism: 'redlock',
        key: 'locks:billing',
        ttl: {
          source: 'literal',
          value: 10000,
          text: '10_000',
          file: 'src/report.ts',
          line: 6,
        },
        renewed: false,
        guards: ['charge'],
        sites: [
          { file: 'src/report.ts', line: 6, role: 'acquire' },
          { file: 'src/report.ts', line: 8, role: 'guarded' },
          { file: 'src/report.ts', line: 10, role: 'release' },
        ],
      },
      {
        mechanism: 'redlock',
        key: 'locks:report',
        ttl: {
          source: 'literal',
          value: 5000,
          text: '5000',
          file: 'src/report.ts',
          line: 5,
        },
        renewed: true,
        guards: ['buildReport', 'mail'],
        sites: [
          { file: 'src/report.ts', line: 5, role: 'acquire' },
          { file: 'src/report.ts', line: 5, role: 'guarded' },
        ],
      },
    ]);
  });

  it('reads a redis-semaphore Mutex with its lockTimeout', async () => {
    const model = await analyzeFiles({
      'src/redis.ts': REDIS,
      'src/mutex.ts': `import { Mutex } from 'redis-semaphore';
import { redis } from './redis';
const mutex = new Mutex(redis, 'migrations', { lockTimeout: 20000 });
export async function migrate() {
  await mutex.acquire();
  await applyMigrations();
  await mutex.release();
}
`,
    });

    expect(model.leaderElection).toEqual([
      {
        mechanism: 'redis-semaphore',
        key: 'migrations',
        ttl: {
          source: 'literal',
          value: 20000,
          text: '20000',
          file: 'src/mutex.ts',
          line: 3,
        },
        renewed: true,
        guards: ['applyMigrations'],
        sites: [
          { file: 'src/mutex.ts', line: 5, role: 'acquire' },
          { file: 'src/mutex.ts', line: 6, role: 'guarded' },
          { file: 'src/mutex.ts', line: 7, role: 'release' },
        ],
      },
    ]);
  });
});

describe('leader-election: postgres advisory locks', () => {
  it('keys an advisory lock by its query parameter and guards the rest of the block', async () => {
    const model = await analyzeFiles({
      'src/migrate.ts': `import { pool } from './db';
const MIGRATION_LOCK = 4242;
export async function migrate() {
  const { rows } = await pool.query('SELECT pg_try_advisory_lock($1) AS locked', [MIGRATION_LOCK]);
  if (!rows[0].locked) return;
  await runMigrations();
  await pool.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
}
`,
      'src/db.ts': `export const pool = {} as never;`,
    });

    expect(model.leaderElection).toEqual([
      {
        mechanism: 'advisory-lock',
        key: '4242',
        renewed: false,
        guards: ['runMigrations'],
        sites: [
          { file: 'src/migrate.ts', line: 4, role: 'acquire' },
          { file: 'src/migrate.ts', line: 6, role: 'guarded' },
          { file: 'src/migrate.ts', line: 7, role: 'release' },
        ],
      },
    ]);
  });
});
