import { processesAnalyzer } from '../../../src/analyzers/processes/index.js';
import { analyzeFiles } from '../../helpers/analyze-files.js';

const analyzers = [processesAnalyzer];

const NEST_MAIN = `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(3000);
}
bootstrap();
`;

const PROCESSOR = `import { Processor, WorkerHost } from '@nestjs/bullmq';
@Processor('email')
export class EmailProcessor extends WorkerHost {
  async process() {}
}
`;

describe('NestJS bootstraps', () => {
  it('runs processors its module graph imports in the HTTP process', async () => {
    const model = await analyzeFiles(
      {
        'src/main.ts': NEST_MAIN,
        'src/app.module.ts': `import { Module } from '@nestjs/common';
import { EmailModule } from './email/email.module';
@Module({ imports: [EmailModule] })
export class AppModule {}
`,
        'src/email/email.module.ts': `import { Module } from '@nestjs/common';
import { EmailProcessor } from './email.processor';
@Module({ providers: [EmailProcessor] })
export class EmailModule {}
`,
        'src/email/email.processor.ts': PROCESSOR,
      },
      { analyzers },
    );

    expect(model.processes).toEqual([
      {
        name: 'src/main.ts',
        entry: 'src/main.ts',
        kinds: ['web', 'worker'],
        startedBy: [],
        sites: [
          { file: 'src/email/email.processor.ts', line: 2, role: 'worker' },
          { file: 'src/main.ts', line: 4, role: 'listen' },
          { file: 'src/main.ts', line: 5, role: 'listen' },
        ],
      },
    ]);
  });

  it('gives processors to the HTTP bootstrap when imports do not reach them', async () => {
    const model = await analyzeFiles(
      {
        'package.json': JSON.stringify({ scripts: { start: 'nest start' } }),
        'src/main.ts': NEST_MAIN,
        'src/app.module.ts': `import { Module } from '@nestjs/common';
@Module({})
export class AppModule {}
`,
        'src/email/email.processor.ts': PROCESSOR,
      },
      { analyzers },
    );

    expect(model.processes).toEqual([
      {
        name: 'start',
        entry: 'src/main.ts',
        kinds: ['web', 'worker'],
        startedBy: ['package.json#scripts.start'],
        sites: [
          { file: 'package.json', line: 1, role: 'entry' },
          { file: 'src/email/email.processor.ts', line: 2, role: 'worker' },
          { file: 'src/main.ts', line: 4, role: 'listen' },
          { file: 'src/main.ts', line: 5, role: 'listen' },
        ],
      },
    ]);
  });

  it('classifies an application context by the schedules it imports', async () => {
    const model = await analyzeFiles(
      {
        'src/scheduler.ts': `import { NestFactory } from '@nestjs/core';
import { JobsModule } from './jobs.module';
NestFactory.createApplicationContext(JobsModule);
`,
        'src/jobs.module.ts': `import { Module } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
export class ReportJob {
  @Cron('0 0 * * *')
  run() {}
}
@Module({ providers: [ReportJob] })
export class JobsModule {}
`,
      },
      { analyzers },
    );

    expect(model.processes).toEqual([
      {
        name: 'src/scheduler.ts',
        entry: 'src/scheduler.ts',
        kinds: ['scheduler'],
        startedBy: [],
        sites: [
          { file: 'src/jobs.module.ts', line: 4, role: 'schedule' },
          { file: 'src/scheduler.ts', line: 3, role: 'bootstrap' },
        ],
      },
    ]);
  });
});

describe('entries found from the code', () => {
  it('takes the top importers of servers and workers, leaving tests out', async () => {
    const model = await analyzeFiles(
      {
        'src/api/server.ts': `import Fastify from 'fastify';
import { registerRoutes } from './routes';
const fastify = Fastify();
registerRoutes(fastify);
fastify.listen({ port: 3000 });
`,
        'src/api/routes.ts': `import { publish } from '../queues';
export function registerRoutes(app: unknown) {
  return [app, publish];
}
`,
        'src/queues.ts': `import Queue from 'bull';
const queue = new Queue('images');
export const publish = (data: object) => queue.add(data);
export function processImages() {
  queue.process(async () => undefined);
}
`,
        'src/workers/images.ts': `import { processImages } from '../queues';
processImages();
`,
        'test/queues.test.ts': `import { processImages } from '../src/queues';
processImages();
`,
      },
      { analyzers },
    );

    expect(model.processes).toEqual([
      {
        name: 'src/api/server.ts',
        entry: 'src/api/server.ts',
        kinds: ['web'],
        startedBy: [],
        sites: [{ file: 'src/api/server.ts', line: 5, role: 'listen' }],
      },
      {
        name: 'src/workers/images.ts',
        entry: 'src/workers/images.ts',
        kinds: ['worker'],
        startedBy: [],
        sites: [{ file: 'src/queues.ts', line: 5, role: 'worker' }],
      },
    ]);
  });

  it('adds an entry no manifest starts next to the declared ones', async () => {
    const model = await analyzeFiles(
      {
        Procfile: 'web: node dist/server.js\n',
        'src/server.ts': `import http from 'node:http';
http.createServer().listen(8080);
`,
        'src/worker.ts': `import { Worker } from 'bullmq';
new Worker('email', async () => {});
`,
      },
      { analyzers },
    );

    expect(model.processes.map((p) => [p.name, p.kinds, p.startedBy])).toEqual([
      ['src/worker.ts', ['worker'], []],
      ['web', ['web'], ['Procfile#web']],
    ]);
  });
});
