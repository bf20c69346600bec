import { join } from 'node:path';
import { diffArchitectures } from '../../src/diff/diff-architectures.js';
import type { ArchitectureModel } from '../../src/model/types.js';
import { analyzeTree } from '../../src/pipeline/analyze-tree.js';
import { DirectoryTree } from '../../src/source/directory-tree.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'diff');

function analyzeFixture(name: string): Promise<ArchitectureModel> {
  return analyzeTree(new DirectoryTree(join(FIXTURES, name)));
}

describe('diff of analyzed fixture trees', () => {
  let base: ArchitectureModel;

  beforeAll(async () => {
    base = await analyzeFixture('base');
  });

  it('analyzes the base into something to compare', () => {
    expect(base.queues.map((queue) => queue.name)).toEqual(['emails']);
    expect(Object.keys(base.queues[0]?.options ?? {})).toContain('attempts');
  });

  it.each([
    ['files moved into folders, with lines shifted', 'moved'],
    [
      'options reordered, locals renamed, a constant extracted, quotes and lines rewrapped',
      'reformatted',
    ],
  ])('reports nothing for %s', async (_name, variant) => {
    const head = await analyzeFixture(variant);

    expect(diffArchitectures(base, head).findings).toEqual([]);
  });

  it('reports what a realistic change does, at the head lines', async () => {
    const head = await analyzeFixture('changed');

    const findings = diffArchitectures(base, head).findings;

    expect(
      findings.map((f) => [
        f.severity,
        f.rule,
        f.message,
        `${f.file}:${f.line}`,
        f.side,
      ]),
    ).toEqual([
      [
        'error',
        'consumer-missing',
        'Queue `invoices` (bullmq) has producers but no worker or consumer in this repository.',
        'src/api.ts:8',
        'head',
      ],
      [
        'warning',
        'job-retention-missing',
        'Queue `invoices` (bullmq) sets no removeOnComplete or removeOnFail.',
        'src/queues.ts:14',
        'head',
      ],
      [
        'warning',
        'redis-key-no-ttl',
        'Redis key `seen:{userId}` is written with no TTL.',
        'src/api.ts:6',
        'head',
      ],
      [
        'warning',
        'retry-changed',
        'Queue `emails` (bullmq): attempts 3 → 5.',
        'src/queues.ts:7',
        'head',
      ],
      [
        'warning',
        'retry-changed',
        'Queue `emails` (bullmq): backoff.delay 1000 removed (library default applies).',
        'src/queues.ts:8',
        'base',
      ],
      [
        'info',
        'queue-added',
        'Queue `invoices` (bullmq) is added.',
        'src/queues.ts:14',
        'head',
      ],
      [
        'info',
        'redis-key-added',
        'Redis key `seen:{userId}` is new (sadd).',
        'src/api.ts:6',
        'head',
      ],
    ]);
  });

  it('keeps fingerprints when the base files sit elsewhere', async () => {
    const head = await analyzeFixture('changed');
    const fromBase = diffArchitectures(base, head).findings;
    const fromMoved = diffArchitectures(
      await analyzeFixture('moved'),
      head,
    ).findings;

    expect(fromMoved.map((f) => f.fingerprint)).toEqual(
      fromBase.map((f) => f.fingerprint),
    );
    const removal = fromMoved.find((f) => f.side === 'base');
    expect(`${removal?.file}:${removal?.line}`).toBe(
      'src/queues/email-queue.ts:13',
    );
  });
});
