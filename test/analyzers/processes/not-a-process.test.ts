import { processesAnalyzer } from '../../../src/analyzers/processes/index.js';
import { queuesAnalyzer } from '../../../src/analyzers/queues/index.js';
import { schedulesAnalyzer } from '../../../src/analyzers/schedules/index.js';
import { analyzeFiles } from '../../helpers/analyze-files.js';

const analyzers = [queuesAnalyzer, schedulesAnalyzer, processesAnalyzer];

/** A library package whose worker is built in a class constructor. */
const LIBRARY = {
  'packages/mailer/package.json':
    '{ "name": "@acme/mailer", "main": "dist/index.js" }',
  'packages/mailer/src/index.ts': `export * from './mail-bus';
`,
  'packages/mailer/src/mail-bus.ts': `import { Queue, Worker } from 'bullmq';
export class MailBus {
  private queue = new Queue('mail');
  private worker?: Worker;
  constructor(consume: boolean) {
    if (consume) {
      this.worker = new Worker('mail', async () => undefined);
    }
  }
}
`,
};

/**
 * A library whose barrels list its CLI commands and which keeps a command
 * module in a function for later, as medusa's core package does.
 */
const COMMANDS_LIBRARY = {
  'packages/server/package.json':
    '{ "name": "@acme/server", "main": "dist/index.js" }',
  'packages/server/src/index.ts': `export * from './instrumentation';
export * from './commands';
`,
  'packages/server/src/instrumentation.ts': `export function instrument() {
  const start = require('./commands/start');
  start.traceHandler = () => undefined;
}
`,
  'packages/server/src/commands/index.ts': `export { default as start } from './start';
`,
  'packages/server/src/commands/start.ts': `import http from 'node:http';
import { scheduleJob } from 'node-schedule';
export default async function start(port: number) {
  http.createServer().listen(port);
  scheduleJob('0 * * * *', () => undefined);
}
`,
};

describe('what is not a process', () => {
  it('keeps two process types of one Procfile apart when they run the same file', async () => {
    const model = await analyzeFiles(
      {
        'package.json': '{ "scripts": { "start": "node dist/main.js" } }',
        Procfile:
          'web: yarn start --role=web\nworker: yarn start --role=worker\n',
        'admin/Procfile': 'web: yarn start --role=admin\n',
        'src/main.ts': `import express from 'express';
import { Worker } from 'bullmq';
if (process.argv.includes('--role=worker')) {
  new Worker('thumbnails', async () => undefined);
} else {
  express().listen(3000);
}
`,
      },
      { analyzers },
    );

    expect(model.processes.map((p) => [p.name, p.startedBy])).toEqual([
      [
        'web',
        ['Procfile#web', 'package.json#scripts.start', 'admin/Procfile#web'],
      ],
      [
        'worker',
        ['Procfile#worker', 'package.json#scripts.start', 'admin/Procfile#web'],
      ],
    ]);
  });

  it("does not take a library's main field for a worker process", async () => {
    const model = await analyzeFiles(LIBRARY, { analyzers });

    expect(model.queues.map((q) => q.name)).toEqual(['mail']);
    expect(model.processes).toEqual([]);
  });

  it('counts the library worker in the app that creates the class', async () => {
    const model = await analyzeFiles(
      {
        ...LIBRARY,
        'apps/api/package.json':
          '{ "scripts": { "start": "node dist/main.js" } }',
        'apps/api/src/main.ts': `import { MailBus } from '../../../packages/mailer/src/mail-bus';
new MailBus(true);
`,
      },
      { analyzers },
    );

    expect(model.processes.map((p) => [p.name, p.kinds, p.entry])).toEqual([
      ['start', ['worker'], 'apps/api/src/main.ts'],
    ]);
  });

  it("does not run a library's commands because its barrels list them", async () => {
    const model = await analyzeFiles(COMMANDS_LIBRARY, { analyzers });

    expect(model.schedules.map((s) => s.sites[0]?.line)).toEqual([5]);
    expect(model.processes).toEqual([]);
  });

  it('runs the command in the app that calls it', async () => {
    const model = await analyzeFiles(
      {
        ...COMMANDS_LIBRARY,
        'apps/api/package.json':
          '{ "scripts": { "start": "node dist/main.js" } }',
        'apps/api/src/main.ts': `import { start } from '../../../packages/server/src/commands';
void start(3000);
`,
      },
      { analyzers },
    );

    expect(model.processes.map((p) => [p.name, p.kinds, p.entry])).toEqual([
      ['start', ['web', 'scheduler'], 'apps/api/src/main.ts'],
    ]);
  });

  it.each([
    ['a migration that boots the app once', 'apps/api/migrations/backfill.ts'],
    ['a script served to browsers', 'apps/web/public/widget.ts'],
    ['an integration test server', 'integration-tests/helpers/server.ts'],
  ])('does not guess an entry from %s', async (_label, path) => {
    const model = await analyzeFiles(
      {
        [path]: `import express from 'express';
express().listen(4000);
`,
      },
      { analyzers },
    );

    expect(model.processes).toEqual([]);
  });
});
