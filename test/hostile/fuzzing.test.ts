import fc from 'fast-check';
import type { Probot } from 'probot';
import { stringify } from 'yaml';
import { createPathFilter } from '../../src/config/path-filter.js';
import { parseConfig } from '../../src/config/parse-config.js';
import { scanImportSpecifiers } from '../../src/facts/prefilter.js';
import { parseCommand } from '../../src/github/parse-command.js';
import { analyzeTree } from '../../src/pipeline/analyze-tree.js';
import type { AnalysisJob } from '../../src/runner/analysis-job.js';
import type { AnalysisRunner } from '../../src/runner/analysis-runner.js';
import { inspectContent } from '../../src/source/inspect-content.js';
import { MemoryTree } from '../../src/source/memory-tree.js';
import { readTarballTree } from '../../src/source/tarball-tree.js';
import { baseFiles, headAddsQueue } from '../github/helpers/billing-repo.js';
import { buildTarball } from '../github/helpers/build-tarball.js';
import { loadPayload } from '../github/helpers/payloads.js';
import { createTestApp } from '../github/helpers/test-app.js';

/**
 * Fixed seeds: a failure prints its seed and counterexample, and re-running
 * replays it exactly. A counterexample found is kept below as a regression.
 */
const SEED = 424_242;

/** Fragments that stress a TypeScript parser and our walkers. */
const TOKENS = [
  '(',
  ')',
  '{',
  '}',
  '[',
  ']',
  '.',
  ',',
  ';',
  "'",
  '"',
  '`',
  '${',
  '/*',
  '*/',
  '//',
  '<',
  '>',
  '=>',
  '\n',
  ' ',
  'new Queue(',
  "'emails'",
  'async ',
  'await ',
  'class ',
  '@Processor(',
  'import ',
  "from 'bullmq'",
  'require(',
  'process.on(',
  "'SIGTERM'",
  '?.',
  '...',
  'redis.set(',
  'cron.schedule(',
  'Object.values(',
  'for (const q of ',
  '\\',
  '\u2028',
  '#',
];

/** A source from the billing fixture with random fragments inserted and text cut out. */
const mutatedSource = fc
  .tuple(
    fc.constantFrom(
      ...Object.values(headAddsQueue).filter((text) => text.includes('import')),
    ),
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 8 })),
        fc.nat(20),
      ),
      { maxLength: 12 },
    ),
  )
  .map(([source, edits]) =>
    edits.reduce((text, [at, insert, cut]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(i + cut);
    }, source),
  );

const randomSource = fc
  .array(fc.constantFrom(...TOKENS), { maxLength: 200 })
  .map((parts) => parts.join(''));

describe('fuzzing the analyzer', () => {
  it(`never throws on random and mutated sources (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(mutatedSource, randomSource, fc.string({ maxLength: 300 })),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        async (sources) => {
          const files = Object.fromEntries(
            sources.map((text, i) => [`src/f${i}.ts`, text]),
          );
          const model = await analyzeTree(
            new MemoryTree({ ...baseFiles, ...files }, 'fuzz'),
          );
          expect(model.stats.filesSeen).toBe(
            Object.keys(baseFiles).length + sources.length,
          );
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  it(`never throws on random bytes in the cheap checks (seed ${SEED})`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        const inspected = inspectContent(Buffer.from(bytes));
        expect('text' in inspected || 'skip' in inspected).toBe(true);
        expect(
          Array.isArray(
            scanImportSpecifiers(Buffer.from(bytes).toString('latin1')),
          ),
        ).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it(`never hangs or crashes on corrupted archives (seed ${SEED})`, async () => {
    const archive = await buildTarball(headAddsQueue);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(), fc.nat(255)), {
          minLength: 1,
          maxLength: 8,
        }),
        async (flips) => {
          const corrupted = Buffer.from(archive);
          for (const [at, value] of flips) {
            corrupted[at % corrupted.length] = value;
          }
          const outcome = await readTarballTree(corrupted, 'fuzz').then(
            (tree) => tree.paths(),
            (error: unknown) => error,
          );
          expect(Array.isArray(outcome) || outcome instanceof Error).toBe(true);
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });
});

/** YAML-shaped values for `.github/scaling-report.yml`, valid or not. */
const configValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(
      'none',
      'warning',
      'error',
      'update',
      'recreate',
      'write',
      'anyone',
      '**/*.ts',
    ),
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.constantFrom(
        'rules',
        'paths',
        'include',
        'exclude',
        'failLevel',
        'comment',
        'mode',
        'commandPermission',
        'enabled',
        'severity',
        'queue-added',
        '__proto__',
        'constructor',
      ),
      tie('value'),
      { maxKeys: 5 },
    ),
  ),
})).value;

describe('fuzzing the config loader', () => {
  it(`always returns a usable config for random YAML documents (seed ${SEED})`, () => {
    fc.assert(
      fc.property(
        fc.oneof(
          configValue.map((value) => stringify(value)),
          fc.string({ maxLength: 200 }),
        ),
        (text) => {
          const { config, problems } = parseConfig(text);
          expect(['none', 'warning', 'error']).toContain(config.failLevel);
          expect(['update', 'recreate']).toContain(config.comment.mode);
          expect(Array.isArray(problems)).toBe(true);
          expect(typeof createPathFilter(config.paths)('src/a.ts')).toBe(
            'boolean',
          );
          expect(Object.getPrototypeOf(config.rules)).toBe(Object.prototype);
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it.each([
    ['anchors and aliases', 'a: &x [*x]\nrules: *x\n'],
    [
      'a billion laughs',
      `a: &a [x, x, x, x, x]\n${Array.from(
        { length: 9 },
        (_, i) =>
          `${'b'.repeat(i + 1)}: &${'b'.repeat(i + 1)} [${Array(6)
            .fill(i === 0 ? '*a' : `*${'b'.repeat(i)}`)
            .join(', ')}]`,
      ).join('\n')}\n`,
    ],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`],
    [
      'a prototype key',
      '__proto__: { failLevel: error }\nrules: { __proto__: false }\n',
    ],
    ['a megabyte of keys', 'k: v\n'.repeat(200_000)],
    ['64 KiB of duplicate keys', 'k: v\n'.repeat(13_000)],
  ])('survives %s', (_name, text) => {
    const started = performance.now();
    const { config } = parseConfig(text);
    expect(config.failLevel).toBe('none');
    expect(({} as Record<string, unknown>).failLevel).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

class RecordingRunner implements AnalysisRunner {
  readonly jobs: AnalysisJob[] = [];

  enqueue(job: AnalysisJob): Promise<void> {
    this.jobs.push(job);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * A fixture payload with random keys removed or replaced by random JSON.
 * `installation` is left alone: Probot reads it to authenticate before any
 * handler runs. A comment holds no command, so no request is made.
 */
function mutatedPayload(fixture: string): fc.Arbitrary<unknown> {
  const payload = fixturePayload(fixture);
  const paths = leafPaths(payload).filter((path) => path[0] !== 'installation');
  return fc
    .array(
      fc.tuple(
        fc.constantFrom(...paths),
        fc.option(fc.jsonValue({ maxDepth: 2 })),
      ),
      {
        minLength: 1,
        maxLength: 4,
      },
    )
    .map((edits) => {
      const copy = fixturePayload(fixture);
      for (const [path, value] of edits) {
        setPath(copy, path, value ?? undefined);
      }
      return copy;
    });
}

function fixturePayload(fixture: string): Record<string, unknown> {
  const payload = loadPayload<Record<string, unknown>>(fixture);
  setPath(payload, ['comment', 'body'], 'Looks good to me.');
  return payload;
}

function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null || prefix.length > 3) {
    return [prefix];
  }
  return [
    prefix,
    ...Object.entries(value).flatMap(([key, child]) =>
      leafPaths(child, [...prefix, key]),
    ),
  ];
}

function setPath(
  target: Record<string, unknown>,
  path: string[],
  value: unknown,
): void {
  let node: unknown = target;
  for (const key of path.slice(0, -1)) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[key]
        : undefined;
  }
  const last = path[path.length - 1];
  if (typeof node === 'object' && node !== null && last !== undefined) {
    (node as Record<string, unknown>)[last] = value;
  }
}

describe('fuzzing the webhook handlers', () => {
  it.each([
    ['pull_request', 'pull_request.opened'],
    ['pull_request', 'pull_request.synchronize'],
    ['check_run', 'check_run.rerequested'],
    ['issue_comment', 'issue_comment.created'],
  ])(
    `never throw on mutated %s payloads (%s, seed ${SEED})`,
    async (name, fixture) => {
      const runner = new RecordingRunner();
      const { probot } = await createTestApp({
        runner,
        appSlug: 'scaling-report',
      });
      let id = 0;

      await fc.assert(
        fc.asyncProperty(mutatedPayload(fixture), async (payload) => {
          runner.jobs.length = 0;
          await probot.receive({
            id: `fuzz-${id++}`,
            name,
            payload,
          } as Parameters<Probot['receive']>[0]);
          for (const job of runner.jobs) {
            expect(typeof job.installationId).toBe('number');
            expect(typeof job.owner).toBe('string');
            expect(typeof job.pullNumber).toBe('number');
          }
        }),
        { seed: SEED, numRuns: 100 },
      );
    },
  );
});

describe('regressions the webhook fuzzing found (seed 424242)', () => {
  it.each<[string, string, string[]]>([
    ['pull_request', 'pull_request.opened', ['repository', 'owner']],
    ['pull_request', 'pull_request.synchronize', ['pull_request', 'head']],
    ['check_run', 'check_run.rerequested', ['check_run']],
    ['issue_comment', 'issue_comment.created', ['comment', 'user', 'login']],
  ])(
    '%s without %j... is dropped with a warning',
    async (name, fixture, path) => {
      const runner = new RecordingRunner();
      const { probot, lines } = await createTestApp({
        runner,
        appSlug: 'scaling-report',
      });
      const payload = fixturePayload(fixture);
      setPath(payload, path, undefined);
      setPath(
        payload,
        ['comment', 'user', 'login'],
        path.includes('login') ? 42 : 'bob',
      );

      await probot.receive({
        id: `reg-${fixture}`,
        name,
        payload,
      } as Parameters<Probot['receive']>[0]);

      expect(runner.jobs).toEqual([]);
      expect(lines).toContainEqual(
        expect.objectContaining({
          msg: 'malformed webhook payload ignored',
          deliveryId: `reg-${fixture}`,
        }),
      );
    },
  );
});

describe('fuzzing commands', () => {
  it(`parseCommand never throws and only answers a line of its own (seed ${SEED})`, () => {
    const line = fc.oneof(
      fc.constantFrom(
        '/scaling-report',
        '/scaling-report diff',
        '> /scaling-report',
        '```',
        '~~~',
        '    /scaling-report',
        '<!--',
        '-->',
        '',
        'text',
      ),
      fc.string({ maxLength: 30 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (lines) => {
        const command = parseCommand(lines.join('\n'));
        if (command) {
          expect(
            lines.some((text) => /^ {0,3}\/scaling-report/.test(text)),
          ).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
