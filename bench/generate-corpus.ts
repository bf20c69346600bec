import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** Options for the synthetic monorepo. */
export interface CorpusOptions {
  /** Number of first-party source files. Default 7,000. */
  files: number;
  /** Share of first-party files that hold queue/Redis patterns. Default 0.02. */
  patternShare: number;
  /** PRNG seed: the same seed always writes the same tree. Default 1. */
  seed: number;
}

export const DEFAULT_CORPUS: CorpusOptions = {
  files: 7000,
  patternShare: 0.02,
  seed: 1,
};

/** A small, fast, deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'order',
  'cart',
  'invoice',
  'payment',
  'customer',
  'product',
  'inventory',
  'shipment',
  'refund',
  'discount',
  'region',
  'tax',
  'currency',
  'store',
  'user',
  'session',
  'auth',
  'notification',
  'email',
  'report',
  'search',
  'catalog',
  'price',
  'fulfillment',
  'return',
];

/**
 * Writes a synthetic monorepo: realistic TypeScript services with our
 * patterns in about `patternShare` of the files, plus the noise a real tree
 * carries (vendored bundles, `.d.ts` files, generated code, node_modules).
 * Returns the number of files written per kind.
 */
export async function generateCorpus(
  root: string,
  options: Partial<CorpusOptions> = {},
): Promise<Record<string, number>> {
  const { files, patternShare, seed } = { ...DEFAULT_CORPUS, ...options };
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T =>
    list[Math.floor(random() * list.length)] as T;
  await rm(root, { recursive: true, force: true });
  const counts: Record<string, number> = { source: 0, pattern: 0, noise: 0 };
  const patternEvery = Math.max(1, Math.round(1 / patternShare));

  const writes: Promise<void>[] = [];
  const put = (path: string, text: string): void => {
    writes.push(
      mkdir(dirname(join(root, path)), { recursive: true }).then(() =>
        writeFile(join(root, path), text),
      ),
    );
  };

  for (let i = 0; i < files; i++) {
    const pkg = `packages/${pick(WORDS)}-${i % 40}`;
    const noun = pick(WORDS);
    if (i % patternEvery === 0) {
      put(`${pkg}/src/jobs/${noun}-${i}.ts`, patternFile(noun, i, random));
      counts.pattern = (counts.pattern ?? 0) + 1;
    } else {
      put(
        `${pkg}/src/${pick(['services', 'api', 'utils', 'models'])}/${noun}-${i}.ts`,
        serviceFile(noun, i, random, pick),
      );
      counts.source = (counts.source ?? 0) + 1;
    }
    if (writes.length > 256) {
      await Promise.all(writes.splice(0));
    }
  }
  for (let i = 0; i < Math.ceil(files / 100); i++) {
    put(`packages/vendor-${i}/vendor/lib-${i}.min.js`, minifiedBundle(random));
    put(`packages/types-${i}/types/index-${i}.d.ts`, declarationFile(i));
    put(`packages/gen-${i}/src/__generated__/schema-${i}.ts`, generatedFile(i));
    put(
      `node_modules/dep-${i}/index.js`,
      `module.exports = require('bullmq');\n`,
    );
    counts.noise = (counts.noise ?? 0) + 4;
  }
  await Promise.all(writes);
  return counts;
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function serviceFile(
  noun: string,
  i: number,
  random: () => number,
  pick: <T>(list: readonly T[]) => T,
): string {
  const Name = `${cap(noun)}Service${i}`;
  const methods = 4 + Math.floor(random() * 10);
  const out: string[] = [
    `import { Injectable } from '@nestjs/common';`,
    `import type { ${cap(noun)}Repository } from '../models/${noun}-repository';`,
    `import { logger } from '../utils/logger';`,
    '',
    `export interface ${cap(noun)}Input${i} {`,
    `  id: string;`,
    `  amount: number;`,
    `  metadata?: Record<string, unknown>;`,
    `}`,
    '',
    `@Injectable()`,
    `export class ${Name} {`,
    `  private readonly cache = new Map<string, ${cap(noun)}Input${i}>();`,
    '',
    `  constructor(private readonly repository: ${cap(noun)}Repository) {}`,
  ];
  for (let m = 0; m < methods; m++) {
    const verb = pick([
      'create',
      'update',
      'list',
      'retrieve',
      'delete',
      'validate',
      'compute',
    ]);
    out.push(
      '',
      `  async ${verb}${cap(pick(WORDS))}${m}(input: ${cap(noun)}Input${i}): Promise<number> {`,
      `    const existing = this.cache.get(input.id);`,
      `    if (existing && existing.amount > ${Math.floor(random() * 1000)}) {`,
      `      logger.debug({ id: input.id }, '${verb} ${noun} from cache');`,
      `      return existing.amount;`,
      `    }`,
      `    const rows = await this.repository.find({ where: { id: input.id }, take: ${m + 5} });`,
      `    const total = rows.reduce((sum, row) => sum + row.amount * ${(random() * 3).toFixed(2)}, 0);`,
      `    this.cache.set(input.id, { ...input, amount: total });`,
      `    return Math.round(total);`,
      `  }`,
    );
  }
  out.push('}', '');
  return out.join('\n');
}

function patternFile(noun: string, i: number, random: () => number): string {
  const queue = `${noun}-${i}`;
  const concurrency = 1 + Math.floor(random() * 20);
  return [
    `import { Queue, Worker } from 'bullmq';`,
    `import Redis from 'ioredis';`,
    `import cron from 'node-cron';`,
    '',
    `const connection = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');`,
    `export const ${noun}Queue${i} = new Queue('${queue}', {`,
    `  connection,`,
    `  defaultJobOptions: { attempts: ${1 + (i % 5)}, backoff: { type: 'exponential', delay: 1000 } },`,
    `});`,
    '',
    `export const ${noun}Worker${i} = new Worker('${queue}', async (job) => {`,
    `  await connection.set(\`${noun}:\${job.id}:status\`, 'done', 'EX', 3600);`,
    `  await connection.publish('${noun}-events', JSON.stringify({ id: job.id }));`,
    `}, { connection, concurrency: ${concurrency} });`,
    '',
    `cron.schedule('*/${1 + (i % 30)} * * * *', async () => {`,
    `  await ${noun}Queue${i}.add('sweep', { at: Date.now() });`,
    `});`,
    '',
    `process.on('SIGTERM', async () => {`,
    `  await ${noun}Worker${i}.close();`,
    `});`,
    '',
  ].join('\n');
}

function minifiedBundle(random: () => number): string {
  const parts: string[] = [];
  for (let i = 0; i < 4000; i++) {
    parts.push(
      `function a${i}(b){return b*${Math.floor(random() * 100)}+"bullmq"}`,
    );
  }
  return parts.join(';');
}

function declarationFile(i: number): string {
  return `import { Queue } from 'bullmq';\nexport declare const q${i}: Queue;\n`;
}

function generatedFile(i: number): string {
  const lines = [`// Generated code. Do not edit.`];
  for (let t = 0; t < 200; t++) {
    lines.push(
      `export type Generated${i}_${t} = { id: string; value${t}: number };`,
    );
  }
  return lines.join('\n');
}
