import { commandTargets } from '../../../src/analyzers/processes/parse-command.js';
import { readDockerfile } from '../../../src/analyzers/processes/read-dockerfile.js';

describe('commandTargets', () => {
  it.each([
    ['node dist/server.js', [{ kind: 'file', path: 'dist/server.js' }]],
    [
      'node -r dotenv/config --enable-source-maps dist/main',
      [{ kind: 'file', path: 'dist/main' }],
    ],
    [
      'NODE_ENV=production node --import ./register.js src/a.ts',
      [{ kind: 'file', path: 'src/a.ts' }],
    ],
    [
      'cross-env PORT=1 ts-node -P tsconfig.json src/api.ts',
      [{ kind: 'file', path: 'src/api.ts' }],
    ],
    ['tsx watch src/worker.ts', [{ kind: 'file', path: 'src/worker.ts' }]],
    [
      'nodemon --watch src --exec ts-node src/index.ts',
      [{ kind: 'file', path: 'src/index.ts' }],
    ],
    [
      'pm2-runtime start dist/app.js -i max',
      [{ kind: 'file', path: 'dist/app.js' }],
    ],
    [
      'dotenv -e .env.prod -- node build/index.js',
      [{ kind: 'file', path: 'build/index.js' }],
    ],
    [
      'npm run migrate && npm start',
      [
        { kind: 'script', name: 'migrate' },
        { kind: 'script', name: 'start' },
      ],
    ],
    ['yarn worker', [{ kind: 'script', name: 'worker' }]],
    ['pnpm run start:prod', [{ kind: 'script', name: 'start:prod' }]],
    [
      'nest start api --entryFile worker',
      [{ kind: 'nest', project: 'api', entryFile: 'worker' }],
    ],
    ['next start -p 3000', [{ kind: 'framework', name: 'next' }]],
    ['node -e "console.log(1)"', []],
    ['redis-server --appendonly yes', []],
  ])('%s', (command, targets) => {
    expect(commandTargets(command)).toEqual(targets);
  });
});

describe('readDockerfile', () => {
  it.each([
    [
      'exec form',
      'FROM node:20\nCMD ["node", "dist/main.js"]\n',
      'node dist/main.js',
      'Dockerfile CMD',
      2,
    ],
    [
      'shell form',
      'FROM node:20\nCMD node dist/main.js\n',
      'node dist/main.js',
      'Dockerfile CMD',
      2,
    ],
    [
      'an entrypoint with arguments in CMD',
      'FROM node:20\nENTRYPOINT ["node"]\nCMD ["dist/worker.js"]\n',
      'node dist/worker.js',
      'Dockerfile CMD',
      3,
    ],
    [
      'an init wrapper and sh -c',
      'FROM node:20\nENTRYPOINT ["/sbin/tini", "--", "sh", "-c", "node dist/a.js"]\n',
      'node dist/a.js',
      'Dockerfile ENTRYPOINT',
      2,
    ],
    [
      'the last stage, across continuation lines',
      'FROM node:20 AS build\nCMD ["npm", "test"]\n' +
        'FROM node:20-slim\nCMD node \\\n  dist/server.js\n',
      'node dist/server.js',
      'Dockerfile CMD',
      4,
    ],
  ])('%s', (_name, text, command, startedBy, line) => {
    expect(readDockerfile('Dockerfile', text)).toEqual([
      {
        name: 'Dockerfile',
        origin: 'dockerfile',
        startedBy,
        site: { file: 'Dockerfile', line, role: 'entry' },
        command,
        baseDir: '',
      },
    ]);
  });
});
