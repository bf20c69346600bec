import { analysisCheckResult } from '../../src/github/check-run-result.js';
import { limitNotes } from '../../src/github/limit-notes.js';
import { budgetFromEnv } from '../../src/github/limits-from-env.js';
import { emptyModel } from '../../src/model/empty-model.js';
import {
  BudgetGuard,
  defaultAnalysisBudget,
} from '../../src/pipeline/analysis-budget.js';
import { analyzeTree } from '../../src/pipeline/analyze-tree.js';
import { renderComment } from '../../src/render/comment/render-comment.js';
import { diffArchitectures } from '../../src/diff/diff-architectures.js';
import { MemoryTree } from '../../src/source/memory-tree.js';
import { captureLog } from '../github/helpers/capture-log.js';

/** Ten files that each name a queue, so each is parsed. */
const QUEUES = Object.fromEntries(
  Array.from({ length: 10 }, (_, i) => [
    `src/q${i}.ts`,
    `import { Queue } from 'bullmq';\nexport const q${i} = new Queue('q${i}');\n`,
  ]),
);

describe('analysis budgets', () => {
  it('stops parsing past the heap budget and says so in the model and the log', async () => {
    const { log, lines } = captureLog('warn');

    const model = await analyzeTree(new MemoryTree(QUEUES, 'q'), {
      log,
      budget: { heapBytes: 1 },
    });

    expect(model.stats.budgetExceeded).toEqual({
      kind: 'heap',
      limit: 1,
      filesNotParsed: 10,
    });
    expect(model.stats.filesParsed).toBe(0);
    expect(new Set(model.stats.skipped.map((file) => file.reason))).toEqual(
      new Set(['budget-exceeded']),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'analysis budget exceeded; the model is partial',
        budget: { kind: 'heap', limit: 1, filesNotParsed: 10 },
      }),
    );
  });

  it('stops parsing past the wall-time budget and returns what it has', async () => {
    const model = await analyzeTree(new MemoryTree(QUEUES, 'q'), {
      budget: { wallTimeMs: 0 },
    });

    expect(model.stats.budgetExceeded).toMatchObject({
      kind: 'wall-time',
      limit: 0,
    });
    expect(model.queues).toEqual([]);
  });

  it('has generous defaults that an ordinary analysis never reaches', async () => {
    const model = await analyzeTree(new MemoryTree(QUEUES, 'q'));

    expect(model.stats.budgetExceeded).toBeUndefined();
    expect(model.queues).toHaveLength(10);
    expect(defaultAnalysisBudget().wallTimeMs).toBeGreaterThanOrEqual(60_000);
    expect(defaultAnalysisBudget().heapBytes).toBeGreaterThan(
      256 * 1024 * 1024,
    );
  });

  it('checks between files, stays exceeded once out, and counts each file once', () => {
    let now = 0;
    let heap = 100;
    const budget = { wallTimeMs: 50, heapBytes: 1000 };
    const guard = new BudgetGuard(budget, {
      now: () => now,
      heapUsed: () => heap,
    });

    expect(guard.allows('a.ts')).toBe(true);
    now = 51;
    expect(guard.allows('b.ts')).toBe(false);
    now = 0;
    heap = 0;
    expect(guard.allows('b.ts')).toBe(false);
    expect(guard.allows('c.ts')).toBe(false);
    expect(guard.report()).toEqual({
      kind: 'wall-time',
      limit: 50,
      filesNotParsed: 2,
    });
  });

  it('reads the budgets from the environment and refuses a typo', () => {
    expect(
      budgetFromEnv({
        SCALING_REPORT_MAX_ANALYSIS_MS: '120000',
        SCALING_REPORT_MAX_HEAP_BYTES: '1073741824',
      }),
    ).toEqual({ wallTimeMs: 120_000, heapBytes: 1_073_741_824 });
    expect(budgetFromEnv({})).toEqual({});
    expect(() =>
      budgetFromEnv({ SCALING_REPORT_MAX_ANALYSIS_MS: '2m' }),
    ).toThrow(
      /SCALING_REPORT_MAX_ANALYSIS_MS must be a positive whole number of milliseconds/,
    );
  });
});

describe('a partial result says so', () => {
  const base = emptyModel('base');
  const head = emptyModel('head');
  head.stats.budgetExceeded = {
    kind: 'wall-time',
    limit: 120_000,
    filesNotParsed: 37,
  };
  head.queues.push({
    name: 'emails',
    library: 'bullmq',
    jobNames: [],
    options: {},
    sites: [{ file: 'src/q.ts', line: 2, role: 'definition' }],
  });
  const diff = diffArchitectures(base, head);
  const context = {
    baseSha: '1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d',
    headSha: '6f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6',
  };

  it('in the comment, naming the budget and the setting that raises it', () => {
    const body = renderComment(diff, {
      ...context,
      linkBase: { base: 'https://x/base', head: 'https://x/head' },
      notes: limitNotes(diff),
      maxLength: 65_536,
    });

    expect(body).toContain(
      'stopped at its wall-time budget (120 s): 37 files not parsed',
    );
    expect(body).toContain('SCALING_REPORT_MAX_ANALYSIS_MS');
  });

  it('in the check run', () => {
    const result = analysisCheckResult(diff, {
      ...context,
      failLevel: 'none',
      notes: [],
    });

    expect(result.summary).toContain(
      'The head analysis ran out of its wall-time budget (120000) and is partial: 37 files not parsed.',
    );
  });

  it('names the memory budget in MiB', () => {
    const heavy = emptyModel('head');
    heavy.stats.budgetExceeded = {
      kind: 'heap',
      limit: 512 * 2 ** 20,
      filesNotParsed: 1,
    };

    expect(limitNotes({ baseModel: base, headModel: heavy })).toEqual([
      expect.stringContaining(
        'its memory budget (512 MiB of heap): 1 file not parsed',
      ),
    ]);
  });
});
