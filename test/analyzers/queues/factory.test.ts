import { analyzeFiles } from '../../helpers/analyze-files.js';

/** A queue factory with lazy singletons, as many Bull codebases write it. */
const files = {
  'server/queues/queue.ts': `import Queue from 'bull';
export function createQueue(name: string, defaultJobOptions?: Partial<Queue.JobOptions>) {
  const queue = new Queue(name, {
    defaultJobOptions: {
      removeOnComplete: true,
      removeOnFail: true,
      ...defaultJobOptions,
    },
  });
  return queue;
}
`,
  'server/queues/index.ts': `import { createQueue } from './queue';
const SECOND = 1000;
let cachedEvents: ReturnType<typeof createQueue> | undefined;
export const eventQueue = () => {
  if (!cachedEvents) {
    cachedEvents = createQueue('events', {
      attempts: 5,
      backoff: { type: 'exponential', delay: 10 * SECOND },
    });
  }
  return cachedEvents;
};
export const taskQueue = () => createQueue('tasks', { timeout: 30 * SECOND });
`,
  'server/routes/events.ts': `import { eventQueue } from '../queues';
export async function emit(data: unknown) {
  await eventQueue().add(data);
}
`,
};

describe('queue factories', () => {
  it('defines one queue per factory call, with the factory parameters bound', async () => {
    const model = await analyzeFiles(files);
    const byName = new Map(model.queues.map((q) => [q.name, q]));
    expect([...byName.keys()]).toEqual(['events', 'tasks']);

    const events = byName.get('events')!;
    expect(events.library).toBe('bull');
    expect(events.options.attempts).toMatchObject({
      value: 5,
      file: 'server/queues/index.ts',
      line: 7,
    });
    expect(events.options['backoff.delay']).toMatchObject({
      value: 10000,
      source: 'constant',
    });
    expect(events.options.removeOnComplete).toMatchObject({
      value: true,
      file: 'server/queues/queue.ts',
    });
    expect(events.sites).toEqual([
      { file: 'server/queues/index.ts', line: 6, role: 'definition' },
      { file: 'server/queues/queue.ts', line: 3, role: 'factory' },
      { file: 'server/routes/events.ts', line: 3, role: 'producer' },
    ]);
    expect(byName.get('tasks')!.options.timeout).toMatchObject({
      value: 30000,
    });
  });

  it('binds the parameters of a factory written as a function expression', async () => {
    const model = await analyzeFiles({
      'lib/queues.js': `const Queue = require('bull');
const createQueue = function (name, attempts) {
  return new Queue(name, { defaultJobOptions: { attempts } });
};
module.exports = { mail: createQueue('mail', 3) };
`,
    });
    expect(model.queues.map((q) => q.name)).toEqual(['mail']);
    expect(model.queues[0]!.options.attempts).toMatchObject({
      value: 3,
      file: 'lib/queues.js',
      line: 5,
    });
  });
});
