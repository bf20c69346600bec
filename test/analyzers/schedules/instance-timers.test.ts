import { schedulesAnalyzer } from '../../../src/analyzers/schedules/index.js';
import { analyzeFiles } from '../../helpers/analyze-files.js';

const analyzers = [schedulesAnalyzer];

/** A real job next to the timer under test, so an empty result means a filter ran. */
const REAL_JOB = `import { purgeExpiredCarts } from './carts';
setInterval(() => void purgeExpiredCarts(), 3_600_000);
`;

describe('timers that belong to one instance', () => {
  it.each([
    [
      'a metrics gauge',
      'src/stats.ts',
      `import { stats } from './statsd';
setInterval(() => stats.gauge('queue.depth', depth()), 5000);`,
    ],
    [
      'a connection health ping',
      'src/db/pool.ts',
      `export class Pool {
  constructor(private conn: { ping(): Promise<void> }) {
    setInterval(() => void this.conn.ping(), 30000);
  }
}`,
    ],
    [
      'a memory watch',
      'src/memory.ts',
      `setInterval(() => console.log(process.memoryUsage().rss), 1000);`,
    ],
    [
      'a drain poll that clears itself',
      'src/drain.ts',
      `export function drain(open: Set<unknown>): Promise<void> {
  return new Promise((done) => {
    const poll = setInterval(() => {
      if (open.size === 0) {
        clearInterval(poll);
        done();
      }
    }, 100);
  });
}`,
    ],
    [
      'a script served to browsers',
      'apps/site/public/embed.js',
      `setInterval(function resize() { parent.postMessage(document.body.scrollHeight, '*'); }, 500);`,
    ],
  ])('leaves out %s', async (_label, path, source) => {
    const model = await analyzeFiles(
      { 'src/jobs.ts': REAL_JOB, [path]: source },
      { analyzers },
    );

    expect(model.schedules.map((s) => [s.task, s.sites[0]?.file])).toEqual([
      ['purgeExpiredCarts', 'src/jobs.ts'],
    ]);
  });
});
