import { createHash } from 'node:crypto';

/** A 40-hex commit SHA for head `k` of pull request `pr`. */
export function headSha(pr: number, k: number): string {
  return createHash('sha1').update(`pr-${pr}-head-${k}`).digest('hex');
}

/** The queue that head `k` of pull request `pr` adds: the comment names it. */
export function queueName(pr: number, k: number): string {
  return `jobs-pr${pr}-v${k}`;
}

const common: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'billing',
    private: true,
    scripts: { worker: 'node dist/worker.js' },
    dependencies: { bullmq: '^5.12.0', ioredis: '^5.4.1' },
  }),
  'src/redis.ts':
    "import IORedis from 'ioredis';\n" +
    'export const connection = new IORedis({ maxRetriesPerRequest: null });\n',
  'src/mailer.ts':
    'export function send(to: string): string {\n  return to;\n}\n',
};

/** The merge base: no queue yet. */
export const baseFiles: Record<string, string> = { ...common };

/** Head `k` of pull request `pr`: the base plus one queue named after both. */
export function headFiles(pr: number, k: number): Record<string, string> {
  return {
    ...common,
    'src/queues/jobs.ts':
      "import { Queue } from 'bullmq';\nimport { connection } from '../redis';\n" +
      `export const jobs = new Queue('${queueName(pr, k)}', { connection });\n`,
  };
}
