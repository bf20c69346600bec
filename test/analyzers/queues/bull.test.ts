import { analyzeQueues, literal, queueNamed } from './analyze-queues.js';

describe('queues analyzer: Bull', () => {
  it.each([
    [
      'new Bull(name, opts)',
      `import Bull from 'bull';\nconst q = new Bull('video', { prefix: 'media' });`,
    ],
    [
      'Bull(name, opts) without new',
      `import Bull from 'bull';\nconst q = Bull('video', { prefix: 'media' });`,
    ],
    [
      'new Queue(name, redisUrl, opts)',
      `import Queue from 'bull';\nconst q = new Queue('video', 'redis://cache:6379', { prefix: 'media' });`,
    ],
    [
      'require() and new',
      `const Queue = require('bull');\nconst q = new Queue('video', { prefix: 'media' });`,
    ],
    [
      'a namespace import',
      `import * as Bull from 'bull';\nconst q = new Bull('video', { prefix: 'media' });`,
    ],
  ])('reads %s', async (_label, source) => {
    const model = await analyzeQueues({ 'src/video.ts': source });

    expect(model.queues).toEqual([
      {
        name: 'video',
        library: 'bull',
        jobNames: [],
        options: { prefix: literal('media', "'media'", 'src/video.ts:2') },
        sites: [{ file: 'src/video.ts', line: 2, role: 'definition' }],
      },
    ]);
    expect(model.redisKeys).toEqual([
      expect.objectContaining({
        pattern: 'media:video:*',
        ownedBy: 'bull:video',
      }),
    ]);
  });

  it('maps settings, limiter and default job options to canonical keys', async () => {
    const model = await analyzeQueues({
      'src/q.ts': `import Bull from 'bull';
const q = new Bull('video', {
  limiter: { max: 5, duration: 1000 },
  settings: { lockDuration: 60000, stalledInterval: 5000, maxStalledCount: 2 },
  defaultJobOptions: { attempts: 2, backoff: 5000, timeout: 90000 },
});`,
    });

    expect(queueNamed(model, 'video').options).toEqual({
      attempts: literal(2, '2', 'src/q.ts:5'),
      'backoff.delay': literal(5000, '5000', 'src/q.ts:5'),
      'limiter.duration': literal(1000, '1000', 'src/q.ts:3'),
      'limiter.max': literal(5, '5', 'src/q.ts:3'),
      lockDuration: literal(60000, '60000', 'src/q.ts:4'),
      maxStalledCount: literal(2, '2', 'src/q.ts:4'),
      stalledInterval: literal(5000, '5000', 'src/q.ts:4'),
      timeout: literal(90000, '90000', 'src/q.ts:5'),
    });
  });

  it.each([
    ['(fn)', `q.process(async (job) => {});`, [], {}],
    [
      '(concurrency, fn)',
      `q.process(4, async (job) => {});`,
      [],
      { concurrency: 4 },
    ],
    ['(name, fn)', `q.process('resize', async (job) => {});`, ['resize'], {}],
    [
      '(name, concurrency, fn)',
      `q.process('resize', 3, './resize.js');`,
      ['resize'],
      { concurrency: 3 },
    ],
  ])(
    'reads process%s as a consumer',
    async (_label, call, jobNames, options) => {
      const model = await analyzeQueues({
        'src/q.ts': `import Bull from 'bull';
const q = new Bull('images');
${call}`,
      });

      const queue = queueNamed(model, 'images');
      expect(queue.jobNames).toEqual(jobNames);
      expect(queue.sites).toEqual([
        { file: 'src/q.ts', line: 2, role: 'definition' },
        { file: 'src/q.ts', line: 3, role: 'consumer' },
      ]);
      const values = Object.fromEntries(
        Object.entries(queue.options).map(([key, value]) => [key, value.value]),
      );
      expect(values).toEqual(options);
    },
  );

  it.each([
    ['(data)', `q.add({ id: 1 });`, [], {}],
    ['(data, opts)', `q.add({ id: 1 }, { attempts: 4 });`, [], { attempts: 4 }],
    ['(name, data)', `q.add('resize', { id: 1 });`, ['resize'], {}],
    [
      '(name, data, opts)',
      `q.add('resize', { id: 1 }, { attempts: 4 });`,
      ['resize'],
      { attempts: 4 },
    ],
    [
      '(data, opts) with data by variable',
      `q.add(payload, { jobId: 'x' });`,
      [],
      { jobId: 'x' },
    ],
  ])('reads add%s as a producer', async (_label, call, jobNames, options) => {
    const model = await analyzeQueues({
      'src/q.ts': `import Bull from 'bull';
const q = new Bull('images');
export function go(payload: object) { ${call} }`,
    });

    const queue = queueNamed(model, 'images');
    expect(queue.jobNames).toEqual(jobNames);
    expect(queue.sites).toContainEqual({
      file: 'src/q.ts',
      line: 3,
      role: 'producer',
    });
    const values = Object.fromEntries(
      Object.entries(queue.options).map(([key, value]) => [key, value.value]),
    );
    expect(values).toEqual(options);
  });

  it('turns repeat opts into a bull-repeat schedule', async () => {
    const model = await analyzeQueues({
      'src/q.ts': `import Bull from 'bull';
const q = new Bull('reports');
q.add('weekly', {}, { repeat: { cron: '0 9 * * 1' } });
q.add({ kind: 'ping' }, { repeat: { every: 30000 } });`,
    });

    expect(model.schedules).toEqual([
      expect.objectContaining({
        kind: 'bull-repeat',
        expression: 'every 30000ms',
        task: 'reports',
        sites: [{ file: 'src/q.ts', line: 4, role: 'schedule' }],
      }),
      expect.objectContaining({
        kind: 'bull-repeat',
        expression: '0 9 * * 1',
        task: 'weekly',
        guard: 'queue-unique',
        sites: [{ file: 'src/q.ts', line: 3, role: 'schedule' }],
      }),
    ]);
  });

  it('keeps a Bull queue and a BullMQ queue of the same name apart', async () => {
    const model = await analyzeQueues({
      'src/old.ts': `import Bull from 'bull';\nconst q = new Bull('mail');`,
      'src/new.ts': `import { Queue } from 'bullmq';\nconst q = new Queue('mail');`,
    });

    expect(model.queues.map((q) => [q.name, q.library])).toEqual([
      ['mail', 'bull'],
      ['mail', 'bullmq'],
    ]);
  });
});
