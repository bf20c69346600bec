import type { ImportEdges } from '../../src/pipeline/import-graph.js';
import {
  ImportGraphMemo,
  buildImportGraph,
  treeShape,
} from '../../src/pipeline/import-graph.js';
import type { ScannedSource } from '../../src/pipeline/scan-sources.js';

function source(
  path: string,
  hash: string,
  specifiers: string[],
): ScannedSource {
  return { path, hash, cached: true, scan: { direct: false, specifiers } };
}

/** Resolves `./x` to `src/x.ts` and counts each call. */
function countingResolver(): {
  resolve: (from: string, specifier: string) => string | undefined;
  calls: string[];
} {
  const calls: string[] = [];
  return {
    calls,
    resolve: (from, specifier) => {
      calls.push(from);
      return specifier.startsWith('./')
        ? `src/${specifier.slice(2)}.ts`
        : undefined;
    },
  };
}

describe('buildImportGraph', () => {
  const base = [
    source('src/a.ts', 'h-a', ['./b', 'bullmq']),
    source('src/b.ts', 'h-b', ['./c']),
    source('src/c.ts', 'h-c', []),
  ];

  it('records importers and imports, ignoring packages and self-imports', () => {
    const { resolve } = countingResolver();
    const graph = buildImportGraph(
      [...base, source('src/d.ts', 'h-d', ['./d', './b'])],
      resolve,
    );
    expect(graph.importsOf('src/a.ts')).toEqual(['src/b.ts']);
    expect(graph.importersOf('src/b.ts')).toEqual(['src/a.ts', 'src/d.ts']);
    expect(graph.importsOf('src/d.ts')).toEqual(['src/b.ts']);
    expect(graph.importersOf('src/a.ts')).toEqual([]);
  });

  it('resolves again only the files whose content changed', () => {
    const remembered = { edges: new Map<string, ImportEdges>() };
    const first = countingResolver();
    buildImportGraph(base, first.resolve, remembered);
    expect(first.calls).toHaveLength(3);

    const head = [base[0], source('src/b.ts', 'h-b2', ['./a']), base[2]].filter(
      (s): s is ScannedSource => s !== undefined,
    );
    const second = countingResolver();
    const graph = buildImportGraph(head, second.resolve, remembered);
    expect(second.calls).toEqual(['src/b.ts']);
    const fresh = buildImportGraph(head, countingResolver().resolve);
    for (const path of ['src/a.ts', 'src/b.ts', 'src/c.ts']) {
      expect(graph.importsOf(path)).toEqual(fresh.importsOf(path));
      expect(graph.importersOf(path)).toEqual(fresh.importersOf(path));
    }
  });

  it('remembers no edges for files without a content hash', () => {
    const remembered = { edges: new Map<string, ImportEdges>() };
    const unhashed = base.map((s) => ({ ...s, hash: '' }));
    buildImportGraph(unhashed, countingResolver().resolve, remembered);
    expect(remembered.edges.size).toBe(0);
    const changed = unhashed.map((s, i) =>
      i === 2 ? { ...s, scan: { ...s.scan, specifiers: ['./a'] } } : s,
    );
    const again = countingResolver();
    buildImportGraph(changed, again.resolve, remembered);
    // Every specifier resolved again: two in a.ts, one each in b.ts and c.ts.
    expect(again.calls).toHaveLength(4);
  });

  it('reuses the whole graph when no file changed what it imports', () => {
    const memo = { edges: new Map<string, ImportEdges>() };
    const first = buildImportGraph(base, countingResolver().resolve, memo);
    // New content in every file, the same imports: nothing is resolved.
    const edited = base.map((s) => ({ ...s, hash: `${s.hash}-edited` }));
    const again = countingResolver();
    expect(buildImportGraph(edited, again.resolve, memo)).toBe(first);
    expect(again.calls).toEqual([]);
    // One import more, and the graph is built again.
    const added = [...base, source('src/d.ts', 'h-d', ['./a'])];
    const third = buildImportGraph(added, countingResolver().resolve, memo);
    expect(third).not.toBe(first);
    expect(third.importersOf('src/a.ts')).toEqual(['src/d.ts']);
  });

  it('answers reaching once per test', () => {
    const graph = buildImportGraph(base, countingResolver().resolve);
    let asked = 0;
    const isBullmq = (specifier: string): boolean => {
      asked++;
      return specifier === 'bullmq';
    };
    expect([...graph.reaching(isBullmq)]).toEqual(['src/a.ts']);
    const once = asked;
    expect(graph.reaching(isBullmq)).toBe(graph.reaching(isBullmq));
    expect(asked).toBe(once);
  });
});

describe('treeShape and ImportGraphMemo', () => {
  it('gives one shape per file list and aliases, whatever the order', () => {
    const shape = treeShape(['a.ts', 'b.ts'], []);
    expect(treeShape(['b.ts', 'a.ts'], [])).toBe(shape);
    expect(treeShape(['a.ts', 'b.ts', 'c.ts'], [])).not.toBe(shape);
    expect(treeShape(['a.ts', 'b.ts'], [['@x/*', ['x/*']]])).not.toBe(shape);
  });

  it('hands back the same memo for a shape and drops the least recently used', () => {
    const memo = new ImportGraphMemo(2);
    let made = 0;
    const create = () => {
      made++;
      return { resolveModule: () => undefined, edges: new Map() };
    };
    const a = memo.forShape('a', create);
    expect(memo.forShape('a', create)).toBe(a);
    memo.forShape('b', create);
    memo.forShape('a', create);
    memo.forShape('c', create);
    expect(made).toBe(3);
    expect(memo.forShape('a', create)).toBe(a);
    memo.forShape('b', create);
    expect(made).toBe(4);
  });
});
