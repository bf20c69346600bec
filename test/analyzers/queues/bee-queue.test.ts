import { analyzeQueues, literal, queueNamed } from './analyze-queues.js';

const THUMBS = `import BeeQueue from 'bee-queue';
const queue = new BeeQueue('thumbs', {
  isWorker: true,
  activateDelayedJobs: true,
  removeOnSuccess: true,
  removeOnFailure: true,
  stallInterval: 5000,
  prefix: 'img',
});
queue.process(4, async (job) => job.data);
export function enqueue(data: object) {
  return queue.createJob(data).retries(3).backoff('exponential', 1000).timeout(5000).save();
}
`;

describe('queues analyzer: Bee-Queue', () => {
  it('reads settings, the consumer and a createJob chain', async () => {
    const model = await analyzeQueues({ 'src/thumbs.ts': THUMBS });

    expect(model.queues).toEqual([
      {
        name: 'thumbs',
        library: 'bee-queue',
        jobNames: [],
        options: {
          activateDelayedJobs: literal(true, 'true', 'src/thumbs.ts:4'),
          attempts: literal(3, '3', 'src/thumbs.ts:12'),
          'backoff.delay': literal(1000, '1000', 'src/thumbs.ts:12'),
          'backoff.type': literal(
            'exponential',
            "'exponential'",
            'src/thumbs.ts:12',
          ),
          concurrency: literal(4, '4', 'src/thumbs.ts:10'),
          isWorker: literal(true, 'true', 'src/thumbs.ts:3'),
          prefix: literal('img', "'img'", 'src/thumbs.ts:8'),
          removeOnComplete: literal(true, 'true', 'src/thumbs.ts:5'),
          removeOnFail: literal(true, 'true', 'src/thumbs.ts:6'),
          stalledInterval: literal(5000, '5000', 'src/thumbs.ts:7'),
          timeout: literal(5000, '5000', 'src/thumbs.ts:12'),
        },
        sites: [
          { file: 'src/thumbs.ts', line: 2, role: 'definition' },
          { file: 'src/thumbs.ts', line: 10, role: 'consumer' },
          { file: 'src/thumbs.ts', line: 12, role: 'producer' },
        ],
      },
    ]);
  });

  it('owns keys under its prefix, ephemeral when both outcomes are removed', async () => {
    const model = await analyzeQueues({ 'src/thumbs.ts': THUMBS });

    expect(model.redisKeys).toEqual([
      {
        pattern: 'img:thumbs:*',
        operations: ['queue'],
        lifetime: 'ephemeral',
        ownedBy: 'bee-queue:thumbs',
        sites: [{ file: 'src/thumbs.ts', line: 2, role: 'definition' }],
      },
    ]);
  });

  it('uses the bq prefix by default and reads process(fn) without concurrency', async () => {
    const model = await analyzeQueues({
      'src/q.js': `const Queue = require('bee-queue');
const q = new Queue('pings');
q.process(async (job) => 1);`,
    });

    expect(queueNamed(model, 'pings').options).toEqual({});
    expect(queueNamed(model, 'pings').sites).toEqual([
      { file: 'src/q.js', line: 2, role: 'definition' },
      { file: 'src/q.js', line: 3, role: 'consumer' },
    ]);
    expect(model.redisKeys[0]).toMatchObject({
      pattern: 'bq:pings:*',
      lifetime: 'durable',
    });
  });
});
