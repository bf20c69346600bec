import { processesAnalyzer } from '../../../src/analyzers/processes/index.js';
import type { ProcessEntry } from '../../../src/model/types.js';
import { analyzeFiles } from '../../helpers/analyze-files.js';

const analyzers = [processesAnalyzer];

/** One process started by `npm start` running `src/main.ts`. */
async function mainProcess(
  files: Record<string, string>,
): Promise<ProcessEntry[]> {
  const pkg = JSON.stringify(
    { scripts: { start: 'tsx src/main.ts' } },
    null,
    2,
  );
  const model = await analyzeFiles(
    { 'package.json': pkg, ...files },
    { analyzers },
  );
  return model.processes;
}

const WORKER_MODULE = `import { Worker } from 'bullmq';
export const worker = new Worker('email', async () => {});
`;

describe('entry kinds through imports', () => {
  it.each([
    [
      'a side-effect import of a module that listens, two steps away',
      {
        'src/main.ts': `import './bootstrap.js';\n`,
        'src/bootstrap.ts': `import { app } from './app.js';\napp.listen(8080);\n`,
        'src/app.ts': `import express from 'express';\nexport const app = express();\n`,
      },
      ['web'],
      [{ file: 'src/bootstrap.ts', line: 2, role: 'listen' }],
    ],
    [
      'a named import of a module that builds a worker on load',
      {
        'src/main.ts': `import { worker } from './queues/worker.js';\nconsole.log(worker.name);\n`,
        'src/queues/worker.ts': WORKER_MODULE,
      },
      ['worker'],
      [{ file: 'src/queues/worker.ts', line: 2, role: 'worker' }],
    ],
    [
      'a barrel re-export of a function that starts a worker',
      {
        'src/main.ts': `import { startWorkers } from './queues';\nstartWorkers();\n`,
        'src/queues/index.ts': `export * from './start.js';\n`,
        'src/queues/start.ts': `import { Worker } from 'bullmq';
function build(name: string) {
  return new Worker(name, async () => {});
}
export function startWorkers() {
  return ['a', 'b'].map(build);
}
`,
      },
      ['worker'],
      [{ file: 'src/queues/start.ts', line: 3, role: 'worker' }],
    ],
    [
      'a dynamic import chosen by role',
      {
        'src/main.ts': `if (process.env.ROLE === 'worker') {\n  await import('./worker.js');\n}\n`,
        'src/worker.ts': WORKER_MODULE,
      },
      ['worker'],
      [{ file: 'src/worker.ts', line: 2, role: 'worker' }],
    ],
    [
      'a socket.io server and cron schedules',
      {
        'src/main.ts': `import { createServer } from 'node:http';
import { Server } from 'socket.io';
import { CronJob } from 'cron';
const http = createServer();
const io = new Server(http);
new CronJob('0 * * * *', () => io.emit('tick'));
http.listen(3000);
`,
      },
      ['web', 'scheduler', 'websocket'],
      [
        { file: 'src/main.ts', line: 4, role: 'listen' },
        { file: 'src/main.ts', line: 5, role: 'websocket' },
        { file: 'src/main.ts', line: 6, role: 'schedule' },
        { file: 'src/main.ts', line: 7, role: 'listen' },
      ],
    ],
  ])('%s', async (_name, files, kinds, signalSites) => {
    const [process] = await mainProcess(files);

    expect(process?.kinds).toEqual(kinds);
    expect(process?.sites).toEqual([
      { file: 'package.json', line: 3, role: 'entry' },
      ...signalSites,
    ]);
  });

  it('does not count a worker factory the entry never imports', async () => {
    const processes = await mainProcess({
      'src/main.ts': `import express from 'express';
import { emailQueue } from './queues.js';
const app = express();
app.post('/mail', () => emailQueue.add('send', {}));
app.listen(3000);
`,
      'src/queues.ts': `import { Queue, Worker } from 'bullmq';
export const emailQueue = new Queue('email');
export function startEmailWorker() {
  return new Worker('email', async () => {});
}
`,
    });

    expect(processes.map((p) => [p.name, p.kinds])).toEqual([
      ['start', ['web']],
    ]);
  });
});

describe('listen calls the pre-filter keeps', () => {
  it.each([
    ['app.listen(8080);\n', ['web']],
    [
      'export const server = http.createServer();\nserver.listen(8080);\n',
      ['web'],
    ],
    [
      [
        `import express from 'express';`,
        'class S { app = express(); start() { this.app.listen(1); } }',
        'new S().start();',
        '',
      ].join('\n'),
      ['web'],
    ],
    [`import Koa from 'koa';\nnew Koa()\n  .listen(3000);\n`, ['web']],
    ['bus.listen("order.placed", () => {});\n', []],
    ['this.events.listen("order.placed", () => {});\n', []],
  ])(
    'reads %j as the extractor would with every file parsed',
    async (main, kinds) => {
      // analyzeFiles fails if the pre-filter dropped what a full parse finds.
      const [entry] = await mainProcess({ 'src/main.ts': main });
      expect(entry?.kinds ?? []).toEqual(kinds);
    },
  );
});
