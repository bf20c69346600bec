import { processesAnalyzer } from '../../../src/analyzers/processes/index.js';
import { analyzeFiles } from '../../helpers/analyze-files.js';

const analyzers = [processesAnalyzer];

const PACKAGE_JSON = `{
  "name": "app",
  "scripts": {
    "build": "tsc",
    "start": "node dist/server.js",
    "start:worker": "node dist/worker.js",
    "test": "jest"
  }
}
`;

const SOURCES = {
  'src/server.ts': `import express from 'express';
import { router } from './routes.js';
const app = express();
app.use(router);
app.listen(3000);
`,
  'src/routes.ts': `import { Router } from 'express';
import { emailQueue } from './queues.js';
export const router = Router();
router.post('/mail', (req, res) => emailQueue.add('send', req.body));
`,
  'src/queues.ts': `import { Queue, Worker } from 'bullmq';
export const emailQueue = new Queue('email');
export function startEmailWorker() {
  return new Worker('email', async () => {});
}
`,
  'src/worker.ts': `import { startEmailWorker } from './queues.js';
startEmailWorker();
`,
};

describe('processes from manifests', () => {
  it('merges package.json, Procfile, Dockerfile and compose entries per file', async () => {
    const model = await analyzeFiles(
      {
        'package.json': PACKAGE_JSON,
        Procfile: 'web: npm start\nworker: node dist/worker.js\n',
        Dockerfile:
          'FROM node:20\nWORKDIR /app\nCOPY . .\nCMD ["node", "dist/server.js"]\n',
        'docker-compose.yml': `services:
  api:
    build: .
    deploy:
      replicas: 3
  worker:
    build: .
    command: node dist/worker.js
    scale: 2
  redis:
    image: redis:7
`,
        ...SOURCES,
      },
      { analyzers },
    );

    expect(model.processes).toEqual([
      {
        name: 'api',
        entry: 'src/server.ts',
        kinds: ['web'],
        replicas: {
          source: 'literal',
          value: 3,
          text: '3',
          file: 'docker-compose.yml',
          line: 5,
        },
        startedBy: [
          'package.json#scripts.start',
          'Procfile#web',
          'Dockerfile CMD',
          'docker-compose.yml#services.api',
        ],
        sites: [
          { file: 'docker-compose.yml', line: 2, role: 'entry' },
          { file: 'Dockerfile', line: 4, role: 'entry' },
          { file: 'package.json', line: 5, role: 'entry' },
          { file: 'Procfile', line: 1, role: 'entry' },
          { file: 'src/server.ts', line: 5, role: 'listen' },
        ],
      },
      {
        name: 'worker',
        entry: 'src/worker.ts',
        kinds: ['worker'],
        replicas: {
          source: 'literal',
          value: 2,
          text: '2',
          file: 'docker-compose.yml',
          line: 9,
        },
        startedBy: [
          'package.json#scripts.start:worker',
          'Procfile#worker',
          'docker-compose.yml#services.worker',
        ],
        sites: [
          { file: 'docker-compose.yml', line: 8, role: 'entry' },
          { file: 'package.json', line: 6, role: 'entry' },
          { file: 'Procfile', line: 2, role: 'entry' },
          { file: 'src/queues.ts', line: 4, role: 'worker' },
        ],
      },
    ]);
  });

  it('reads Kubernetes Deployments and StatefulSets across documents', async () => {
    const model = await analyzeFiles(
      {
        'k8s/app.yaml': `apiVersion: v1
kind: Service
metadata:
  name: api
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 4
  template:
    spec:
      containers:
        - name: api
          image: registry.example.com/app:1
          command: ["node", "dist/server.js"]
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: worker
spec:
  replicas: "{{ .Values.workers }}"
  template:
    spec:
      containers:
        - name: worker
          image: registry.example.com/app:1
          command: ["node"]
          args: ["/app/dist/worker.js"]
        - name: metrics
          image: prom/statsd-exporter
`,
        ...SOURCES,
      },
      { analyzers },
    );

    expect(model.processes).toEqual([
      {
        name: 'api',
        entry: 'src/server.ts',
        kinds: ['web'],
        replicas: {
          source: 'literal',
          value: 4,
          text: '4',
          file: 'k8s/app.yaml',
          line: 11,
        },
        startedBy: ['k8s/app.yaml#Deployment/api'],
        sites: [
          { file: 'k8s/app.yaml', line: 17, role: 'entry' },
          { file: 'src/server.ts', line: 5, role: 'listen' },
        ],
      },
      {
        name: 'worker',
        entry: 'src/worker.ts',
        kinds: ['worker'],
        replicas: {
          source: 'expression',
          text: '"{{ .Values.workers }}"',
          file: 'k8s/app.yaml',
          line: 24,
        },
        startedBy: ['k8s/app.yaml#StatefulSet/worker'],
        sites: [
          { file: 'k8s/app.yaml', line: 30, role: 'entry' },
          { file: 'src/queues.ts', line: 4, role: 'worker' },
        ],
      },
    ]);
  });

  it('follows npm scripts, nest start and a compose service built from a Dockerfile', async () => {
    const model = await analyzeFiles(
      {
        'package.json': `{
  "scripts": {
    "start": "nest start",
    "start:prod": "node dist/main",
    "jobs": "npm run start:jobs --silent",
    "start:jobs": "NODE_ENV=production ts-node -r tsconfig-paths/register src/jobs.ts"
  }
}
`,
        'docker/jobs.Dockerfile':
          'FROM node:20\nENTRYPOINT ["tini", "--"]\nCMD npm run jobs\n',
        'compose.yaml': `services:
  jobs:
    build:
      context: .
      dockerfile: docker/jobs.Dockerfile
`,
        'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  await app.listen(3000);
}
bootstrap();
`,
        'src/app.module.ts': `import { Module } from '@nestjs/common';
@Module({})
export class AppModule {}
`,
        'src/jobs.ts': `import cron from 'node-cron';
cron.schedule('*/5 * * * *', () => undefined);
`,
      },
      { analyzers },
    );

    expect(model.processes).toEqual([
      {
        name: 'jobs',
        entry: 'src/jobs.ts',
        kinds: ['scheduler'],
        startedBy: [
          'package.json#scripts.jobs',
          'package.json#scripts.start:jobs',
          'docker/jobs.Dockerfile CMD',
          'compose.yaml#services.jobs',
        ],
        sites: [
          { file: 'compose.yaml', line: 2, role: 'entry' },
          { file: 'docker/jobs.Dockerfile', line: 3, role: 'entry' },
          { file: 'package.json', line: 5, role: 'entry' },
          { file: 'package.json', line: 6, role: 'entry' },
          { file: 'src/jobs.ts', line: 2, role: 'schedule' },
        ],
      },
      {
        name: 'start',
        entry: 'src/main.ts',
        kinds: ['web'],
        startedBy: [
          'package.json#scripts.start',
          'package.json#scripts.start:prod',
        ],
        sites: [
          { file: 'package.json', line: 3, role: 'entry' },
          { file: 'package.json', line: 4, role: 'entry' },
          { file: 'src/main.ts', line: 4, role: 'listen' },
          { file: 'src/main.ts', line: 5, role: 'listen' },
        ],
      },
    ]);
  });
});
