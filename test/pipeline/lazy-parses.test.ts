import {
  createExportGate,
  createReExportGate,
} from '../../src/facts/export-gate.js';
import { analyzeTree } from '../../src/pipeline/analyze-tree.js';
import { MemoryTree } from '../../src/source/memory-tree.js';
import { analyzeFiles } from '../helpers/analyze-files.js';

/** Files parsed for one analysis: candidates, then modules read to resolve names. */
async function parsedFor(files: Record<string, string>): Promise<number> {
  const counters = { parsed: 0, cacheHits: 0, cacheMisses: 0 };
  await analyzeTree(new MemoryTree(files, 'memory'), {}, counters);
  return counters.parsed;
}

/** A barrel of `count` modules, each exporting one constant; one holds the queue name. */
function barrel(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    files[`src/names/n${i}.ts`] = `export const NAME_${i} = 'name-${i}';\n`;
    lines.push(`export * from './n${i}';`);
  }
  files['src/names/index.ts'] =
    `${lines.join('\n')}\nexport * from './more';\n`;
  files['src/names/more.ts'] = `export * from './deep';\n`;
  files['src/names/deep.ts'] = `export const ORDERS = 'orders';\n`;
  return files;
}

describe('names are resolved without parsing what cannot hold them', () => {
  it('parses only the barrel members on the way to an exported name', async () => {
    const files = {
      ...barrel(30),
      'src/queue.ts': `import { Queue } from 'bullmq';\nimport { ORDERS } from './names';\nexport const q = new Queue(ORDERS);\n`,
    };
    const model = await analyzeFiles(files);
    expect(model.queues.map((queue) => queue.name)).toEqual(['orders']);
    // queue.ts, the barrel, more.ts and deep.ts: none of the 30 members.
    expect(await parsedFor(files)).toBe(4);
  });

  it('does not resolve a class from a module that leads to no queue library', async () => {
    const files: Record<string, string> = {
      'src/errors.ts': `export class AppError extends Error {}\n`,
      'src/queue.ts': `import { Queue } from 'bullmq';\nimport { AppError } from './errors';\nexport const q = new Queue('mail');\nexport const fail = () => { throw new AppError('x'); };\n`,
    };
    const model = await analyzeFiles(files);
    expect(model.queues.map((queue) => queue.name)).toEqual(['mail']);
    expect(await parsedFor(files)).toBe(1);
  });

  it('still resolves a wrapper class whose module imports the library', async () => {
    const files = {
      'src/base.ts': `import { Queue } from 'bullmq';\nexport class MailQueue extends Queue {\n  constructor() { super('mail'); }\n}\n`,
      'src/use.ts': `import { MailQueue } from './base';\nexport const q = new MailQueue();\nq.add('welcome', {});\n`,
    };
    const model = await analyzeFiles(files);
    expect(model.queues.map((queue) => queue.name)).toEqual(['mail']);
  });

  it('does not chase channel calls through imports when nothing uses amqplib', async () => {
    const files = {
      'src/bus.ts': `export const bus = { sendToQueue: (q: string, b: unknown) => [q, b] };\n`,
      'src/events.ts': `import { bus } from './bus';\nprocess.on('SIGTERM', () => process.exit(0));\nexport const emit = () => bus.sendToQueue('created', {});\n`,
    };
    const model = await analyzeFiles(files);
    expect(model.queues).toEqual([]);
    expect(await parsedFor(files)).toBe(1);
  });
});

describe('names that cannot lead anywhere are not followed', () => {
  it('does not resolve a command receiver from a module no Redis package reaches', async () => {
    const files = {
      'src/redis.ts': `import Redis from 'ioredis';\nexport const redis = new Redis();\n`,
      'src/memo.ts': `export const memo = new Map<string, string>();\n`,
      'src/store.ts': [
        `import { redis } from './redis';`,
        `import { memo } from './memo';`,
        'export async function save(id: string) {',
        `  memo.set(id, 'x');`,
        "  await redis.set(`user:${id}`, 'x');",
        '}',
        '',
      ].join('\n'),
    };
    const model = await analyzeFiles(files);
    expect(model.redisKeys.map((key) => key.pattern)).toEqual(['user:{id}']);
    // redis.ts and store.ts are candidates; memo.ts is never parsed.
    expect(await parsedFor(files)).toBe(2);
  });

  it("finds a factory's call sites without reading the modules of other callees", async () => {
    const files = {
      'src/queue.ts': [
        `import { Queue } from 'bullmq';`,
        'export function createQueue(name: string) {',
        '  return new Queue(name);',
        '}',
        '',
      ].join('\n'),
      'src/log.ts': `export function log(message: string) {\n  return console.log(message);\n}\n`,
      'src/jobs.ts': [
        `import { createQueue } from './queue';`,
        `import { log } from './log';`,
        `log('starting');`,
        `export const sms = createQueue('sms');`,
        '',
      ].join('\n'),
    };
    const model = await analyzeFiles(files);
    expect(model.queues.map((queue) => queue.name)).toEqual(['sms']);
    // queue.ts and jobs.ts are candidates; log.ts leads to no factory.
    expect(await parsedFor(files)).toBe(2);
  });

  it('does not look up names used from a barrel member that starts nothing', async () => {
    const files = {
      'package.json': JSON.stringify({
        scripts: { start: 'node src/main.js' },
      }),
      'src/main.ts': [
        `import { isString, startWorker } from './lib';`,
        `if (isString('x')) { startWorker(); }`,
        '',
      ].join('\n'),
      'src/lib/index.ts': `export * from './strings';\nexport * from './worker';\n`,
      'src/lib/strings.ts': `export const isString = (x: unknown) => typeof x === 'string';\n`,
      'src/lib/worker.ts': [
        `import { Worker } from 'bullmq';`,
        'export function startWorker() {',
        `  return new Worker('mail', async () => {});`,
        '}',
        '',
      ].join('\n'),
    };
    const model = await analyzeFiles(files);
    expect(model.processes.map((p) => [p.name, p.kinds])).toEqual([
      ['start', ['worker']],
    ]);
    // worker.ts (a candidate), main.ts and the barrel: strings.ts stays unread.
    expect(await parsedFor(files)).toBe(3);
  });

  it('does not read a module that binds the imported name itself and starts nothing', async () => {
    const files = {
      'package.json': JSON.stringify({
        scripts: { start: 'node src/main.js' },
      }),
      'src/main.ts': [
        `import { settings } from './settings';`,
        `import { startTimers } from './timers';`,
        `process.on('SIGTERM', () => process.exit(0));`,
        'startTimers(settings.every);',
        '',
      ].join('\n'),
      'src/settings.ts': [
        `import { EVERY } from './timers';`,
        'export const settings = { every: EVERY };',
        '',
      ].join('\n'),
      'src/timers.ts': [
        'export const EVERY = 60_000;',
        'export function startTimers(every: number) {',
        '  setInterval(() => undefined, every);',
        '}',
        '',
      ].join('\n'),
    };
    const model = await analyzeFiles(files);
    expect(model.processes.map((p) => [p.name, p.kinds])).toEqual([
      ['start', ['scheduler']],
    ]);
    // main.ts and timers.ts are candidates: settings.ts stays unread.
    expect(await parsedFor(files)).toBe(2);
  });
});

describe('createReExportGate', () => {
  it.each([
    ['export * from', `export * from './a';`, true],
    ['export * as', `export * as a from './a';`, true],
    ['export { } from', `export { a, b as c } from './a';`, true],
    ['export type { } from', `export type { A } from './a';`, true],
    ['a plain export list', `const a = 1;\nexport { a };`, true],
    ['declarations only', `export const a = 1;\nexport default a;`, false],
    ['no exports', `import { a } from './a';\nconsole.log(a);`, false],
  ])('%s: may re-export is %s', (_label, text, expected) => {
    const gate = createReExportGate({ textOf: () => text });
    expect(gate('src/x.ts')).toBe(expected);
  });

  it('says yes for a file it cannot read', () => {
    const gate = createReExportGate({ textOf: () => undefined });
    expect(gate('src/missing.ts')).toBe(true);
  });
});

describe('createExportGate', () => {
  const texts: Record<string, string> = {
    'a.ts': `export * from './b';\nexport * from 'some-package';\n`,
    'b.ts': `export * from './c';\n`,
    'c.ts': `export const deep = 1;\n`,
    'loop1.ts': `export * from './loop2';\n`,
    'loop2.ts': `export * from './loop1';\n`,
    'odd.ts': `export *\n  // a comment in the way\n  from './c';\n`,
  };
  const resolve = (_from: string, specifier: string) =>
    specifier.startsWith('./') ? `${specifier.slice(2)}.ts` : undefined;
  const gate = createExportGate((path) => texts[path], resolve);

  it('follows export * chains to a file that names the export', () => {
    expect(gate('a.ts', 'deep')).toBe(true);
    expect(gate('a.ts', 'missing')).toBe(false);
  });

  it('ends in a cycle of barrels', () => {
    expect(gate('loop1.ts', 'missing')).toBe(false);
  });

  it('says yes when it cannot read or follow a file', () => {
    expect(gate('unknown.ts', 'missing')).toBe(true);
    expect(gate('odd.ts', 'missing')).toBe(true);
  });
});
