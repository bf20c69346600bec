import { MemoryFactCache, gitBlobSha } from '../../src/facts/fact-cache.js';
import { analyzeTree } from '../../src/pipeline/analyze-tree.js';
import { ModelMemo } from '../../src/pipeline/model-memo.js';
import { MemoryTree } from '../../src/source/memory-tree.js';

const QUEUE = (name: string): string =>
  `import { Queue } from 'bullmq';\nexport const q = new Queue('${name}');\n`;

/** A tree in memory with the blob SHAs a GitHub listing would give. */
function treeOf(files: Record<string, string>, label: string): MemoryTree {
  const hashes = new Map(
    Object.entries(files).map(([path, text]) => [
      path,
      gitBlobSha(Buffer.from(text)),
    ]),
  );
  return new MemoryTree(files, label, hashes);
}

function counters(): {
  parsed: number;
  cacheHits: number;
  cacheMisses: number;
} {
  return { parsed: 0, cacheHits: 0, cacheMisses: 0 };
}

describe('ModelMemo through analyzeTree', () => {
  const files = {
    'src/a.ts': QUEUE('mail'),
    'src/b.ts': 'export const x = 1;\n',
  };

  it('hands back the model of a tree analyzed before, without reading a file', async () => {
    const options = { cache: new MemoryFactCache(), models: new ModelMemo() };
    const first = await analyzeTree(treeOf(files, 'base'), options);
    const again = counters();
    const second = await analyzeTree(treeOf(files, 'other'), options, again);
    expect(again).toEqual({ parsed: 0, cacheHits: 0, cacheMisses: 0 });
    expect(second.root).toBe('other');
    expect({ ...second, root: '', stats: undefined }).toEqual({
      ...first,
      root: '',
      stats: undefined,
    });
  });

  it('analyzes again when one file changed, and keeps copies apart', async () => {
    const options = { cache: new MemoryFactCache(), models: new ModelMemo() };
    const first = await analyzeTree(treeOf(files, 'base'), options);
    first.queues[0]!.name = 'changed by a caller';
    const head = { ...files, 'src/a.ts': QUEUE('billing') };
    const run = counters();
    const model = await analyzeTree(treeOf(head, 'head'), options, run);
    expect(run.parsed).toBe(1);
    expect(model.queues.map((q) => q.name)).toEqual(['billing']);
    const base = await analyzeTree(treeOf(files, 'base'), options);
    expect(base.queues.map((q) => q.name)).toEqual(['mail']);
  });

  it('does not keep a model cut short by the budget', async () => {
    const models = new ModelMemo();
    const options = { cache: new MemoryFactCache(), models };
    const partial = await analyzeTree(treeOf(files, 'base'), {
      ...options,
      budget: { wallTimeMs: 0 },
    });
    expect(partial.stats.budgetExceeded).toBeDefined();
    const run = counters();
    const full = await analyzeTree(treeOf(files, 'base'), options, run);
    expect(full.stats.budgetExceeded).toBeUndefined();
    expect(full.queues.map((q) => q.name)).toEqual(['mail']);
  });

  it('tells different settings apart', async () => {
    const options = { cache: new MemoryFactCache(), models: new ModelMemo() };
    await analyzeTree(treeOf(files, 'base'), options);
    const run = counters();
    await analyzeTree(
      treeOf(files, 'base'),
      {
        ...options,
        limits: { maxFileBytes: 10 },
      },
      run,
    );
    expect(run.cacheHits + run.cacheMisses).toBeGreaterThan(0);
  });
});
