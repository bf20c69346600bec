import { commentRanges } from '../../src/facts/comment-ranges.js';
import {
  createCandidateTest,
  prefilterSpecOf,
} from '../../src/facts/candidate-test.js';
import {
  buildPrefilter,
  scanImportSpecifiers,
} from '../../src/facts/prefilter.js';
import { registry } from '../../src/analyzers/registry.js';
import { analyzeFiles } from '../helpers/analyze-files.js';

/**
 * The pre-filter decides which files are parsed. `analyzeFiles` compares
 * every analysis with one that parses everything; these fixtures are the
 * shapes where a library hides behind local modules.
 */
describe('pre-filter and wrapper walk', () => {
  it.each([
    [
      'a producer on a queue exported by a wrapper module',
      {
        'src/queues.ts': `import { Queue } from 'bullmq';\nexport const mail = new Queue('mail');\n`,
        'src/api/send.ts': `import { mail } from '../queues';\nexport const send = () => mail.add('x', {});\n`,
      },
      { file: 'src/api/send.ts', line: 2, role: 'producer' },
    ],
    [
      'a producer behind a barrel re-export',
      {
        'src/queues/mail.ts': `import { Queue } from 'bullmq';\nexport const mail = new Queue('mail');\n`,
        'src/queues/index.ts': `export * from './mail';\n`,
        'src/api/send.ts': `import { mail } from '../queues';\n\nmail.add('x', {});\n`,
      },
      { file: 'src/api/send.ts', line: 3, role: 'producer' },
    ],
    [
      'a producer behind a getter that returns a lazily built queue',
      {
        'src/queues/mail.ts': `import { Queue } from 'bullmq';\nexport const build = () => new Queue('mail');\n`,
        'src/queues/index.ts': `import { build } from './mail';\nlet q;\nexport function getMail() { if (!q) { q = build(); } return q; }\n`,
        'src/jobs/run.ts': `import { getMail } from '../queues';\nexport async function run() {\n  await getMail().add('x', {});\n}\n`,
      },
      { file: 'src/jobs/run.ts', line: 3, role: 'producer' },
    ],
    [
      'a producer importing through a tsconfig path alias',
      {
        'tsconfig.json': `{ "compilerOptions": { "baseUrl": ".", "paths": { "@app/*": ["src/*"] } } }`,
        'src/queues.ts': `import { Queue } from 'bullmq';\nexport const mail = new Queue('mail');\n`,
        'src/api/send.ts': `import { mail } from '@app/queues';\nmail.add('x', {});\n`,
      },
      { file: 'src/api/send.ts', line: 2, role: 'producer' },
    ],
    [
      'a producer importing a workspace package by name',
      {
        'packages/shared/package.json': `{ "name": "@acme/shared", "main": "dist/index.js" }`,
        'packages/shared/src/queues.ts': `import { Queue } from 'bullmq';\nexport const mail = new Queue('mail');\n`,
        'packages/shared/src/index.ts': `export * from './queues';\n`,
        'apps/api/src/send.ts': `import { mail } from '@acme/shared';\nmail.add('x', {});\n`,
      },
      { file: 'apps/api/src/send.ts', line: 2, role: 'producer' },
    ],
  ])('keeps %s', async (_label, files, producer) => {
    const model = await analyzeFiles(files);
    expect(model.queues.map((queue) => queue.name)).toEqual(['mail']);
    expect(model.queues[0]?.sites).toContainEqual(producer);
  });

  it('matches each keyword as a plain string, with no regex meaning', () => {
    const matches = buildPrefilter(['a.b(', '[x]']);
    expect(matches('call a.b(1)')).toBe(true);
    expect(matches('aXb(')).toBe(false);
    expect(matches('[x]')).toBe(true);
  });

  it('finds import, export-from, require and dynamic import specifiers', () => {
    const text = `import a from './a';\nexport * from "./b";\nconst c = require('./c');\nawait import('./d');`;
    expect(scanImportSpecifiers(text)).toEqual(['./a', './b', './c', './d']);
  });

  it('lists a keyword for every analyzer', () => {
    for (const analyzer of registry) {
      expect(analyzer.keywords.length).toBeGreaterThan(0);
    }
  });
});

describe('candidate test', () => {
  const registryTest = createCandidateTest(prefilterSpecOf(registry));
  const candidate = (text: string, path = 'src/a.ts'): boolean =>
    registryTest.isCandidate(text, scanImportSpecifiers(text), path);

  it('ignores keywords that appear only in comments', () => {
    expect(candidate('// the SIGINT event is handled elsewhere\nrun();')).toBe(
      false,
    );
    expect(candidate('/* kept in Redis */\nexport const x = 1;')).toBe(false);
    expect(candidate("process.on('SIGINT', stop); // SIGINT")).toBe(true);
    expect(candidate("// on SIGINT we stop\nprocess.on('SIGINT', stop);")).toBe(
      true,
    );
  });

  it('counts every keyword when the scanner is unsure, as in JSX', () => {
    expect(
      candidate('// kept in Redis\nexport const A = () => <b />;', 'a.tsx'),
    ).toBe(true);
    expect(candidate("const s = 'open; // SIGTERM")).toBe(true);
  });

  it('reads cron at the start of a word only', () => {
    expect(candidate('export const name = "Micronesia";')).toBe(false);
    expect(
      candidate("queue.add('x', {}, { repeat: { cron: '* * * * *' } });"),
    ).toBe(true);
    expect(candidate("import schedule from 'node-cron';")).toBe(true);
  });

  it('takes ws from an import, not from a string that happens to be "ws"', () => {
    expect(candidate('export const codes = [{ iso_2: "ws" }];')).toBe(false);
    expect(candidate("import { WebSocketServer as S } from 'ws';")).toBe(true);
    expect(candidate("const WS = require('ws');")).toBe(true);
  });

  it("reads SET's NX flag and option, not NX inside another string", () => {
    expect(candidate('export const states = { "CN-NX": "Ningxia" };')).toBe(
      false,
    );
    expect(candidate("await client.set(key, id, 'PX', 3000, 'NX');")).toBe(
      true,
    );
    expect(candidate("await client.set(key, id, 'px', 3000, 'nx');")).toBe(
      true,
    );
    expect(
      candidate('await client.set(key, id, { NX: true, PX: 3000 });'),
    ).toBe(true);
  });

  it.each([
    ["export const url = 'redis://localhost:6379';", false],
    ['export const pages = [{ title: "Redis", path: "/redis" }];', false],
    ["import Redis from 'ioredis';", true],
    ["const client = require('redis').createClient();", true],
    ["const { publish } = require('redis');", true],
    ['export const redisUrl = process.env.URL;', true],
    ['const t = `${redis}`;', true],
    // A Lua script calls redis, though it is a string.
    ['const script = "return redis.call(\'SET\', KEYS[1], ARGV[1])";', true],
  ])(
    'reads redis as code or as a module name, not as data: %j',
    (text, expected) => {
      expect(candidate(text)).toBe(expected);
    },
  );

  it('judges a no again on the whole file when a scan up to it looked clean', () => {
    // The first match sits in a comment, but the file does not scan cleanly.
    expect(candidate("// redis\nconst s = 'open")).toBe(true);
    expect(candidate("// redis\nconst s = 'closed';")).toBe(false);
  });

  it.each([
    ['this.events.listen("order.placed", handle);', false],
    ['bus.listen("order.placed", handle);', false],
    ['app.listen(3000);', true],
    ['httpServer.listen(port);', true],
    ["import express from 'express';\nthis.app.listen(3000);", true],
    ['createServer(handler).listen(8080);', true],
    ['app\n  .listen(3000);', true],
    ['// app.listen(3000)\nrun();', false],
  ])(
    'reads .listen( where a web server may listen, as the extractor does: %j',
    (text, expected) => {
      expect(candidate(text)).toBe(expected);
    },
  );

  it.each([
    [
      'a lifecycle method',
      'class A { async onApplicationShutdown() {} }',
      true,
    ],
    ['a static one', 'class A {\n  static onModuleDestroy(): void {}\n}', true],
    [
      'a generic one',
      'class A { beforeApplicationShutdown<T>(s?: T) {} }',
      true,
    ],
    ['a plain call', 'await onApplicationShutdown();', true],
    [
      'a call on another object',
      'await hooks?.onApplicationShutdown?.();',
      false,
    ],
    [
      'a property of a type',
      'type H = { onApplicationShutdown: () => void };',
      false,
    ],
    ['a variable', 'const onModuleDestroy = async () => {};', false],
    ['a shorthand', 'export default { onModuleDestroy };', false],
  ])('reads a Nest lifecycle hook in %s: %j', (_name, text, expected) => {
    expect(candidate(text)).toBe(expected);
  });

  it.each([
    [
      "import { io } from 'socket.io-client';\n" +
        "const s = io();\ns.io.on('reconnect', go);",
      false,
    ],
    ["import type { Server } from 'socket.io';", true],
    ["const io = require('socket.io')(server);", true],
    ["import { createAdapter } from '@socket.io/postgres-adapter';", true],
  ])(
    'takes socket.io from an import of the server, not from the client: %j',
    (text, expected) => {
      expect(candidate(text)).toBe(expected);
    },
  );

  it.each([
    ['export const Icon = { name: "bullet-list" };', false],
    ["import Queue from 'bull';", true],
    ["const { Job } = require('bull/lib/job');", true],
    ["import { Queue } from 'bullmq';", true],
  ])('takes bull from an import, not from "bullet": %j', (text, expected) => {
    expect(candidate(text)).toBe(expected);
  });

  it('names a library by a module keyword or a quoted keyword', () => {
    expect(registryTest.namesLibrary('ws')).toBe(true);
    expect(registryTest.namesLibrary('bullmq')).toBe(true);
    expect(registryTest.namesLibrary('bull')).toBe(true);
    expect(registryTest.namesLibrary('bull/lib/job')).toBe(true);
    expect(registryTest.namesLibrary('bulletin')).toBe(false);
    expect(registryTest.namesLibrary('lodash')).toBe(false);
  });
});

describe('commentRanges', () => {
  const comments = (text: string, path = 'a.ts'): string[] | undefined =>
    commentRanges(text, path)?.map(([start, end]) => text.slice(start, end));

  it('finds line and block comments', () => {
    expect(comments('a(); // one\n/* two */ b();')).toEqual([
      '// one',
      '/* two */',
    ]);
  });

  it('does not take slashes in strings, regexes or templates for comments', () => {
    expect(comments("const u = 'http://x'; const r = /\\/\\/x/; // c")).toEqual(
      ['// c'],
    );
    expect(comments('const t = `a ${b + `c ${d}`} // no`; // yes')).toEqual([
      '// yes',
    ]);
    expect(comments('const re = /[/*]/g; /* c */')).toEqual(['/* c */']);
    expect(comments('if (x) { y = a / b / c; } // c')).toEqual(['// c']);
  });

  it('gives up on JSX, unterminated literals and unbalanced braces', () => {
    expect(comments('<div>see http://x</div>', 'a.tsx')).toBeUndefined();
    expect(comments("const s = 'open")).toBeUndefined();
    expect(comments('function f() { // open')).toBeUndefined();
  });
});
