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
    const remembered = new Map<string, ImportEdges>();
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

  it('remembers nothing for files without a content hash', () => {
    const remembered = new Map<string, ImportEdges>();
    const unhashed = base.map((s) => ({ ...s, hash: '' }));
    buildImportGraph(unhashed, countingResolver().resolve, remembered);
    expect(remembered.size).toBe(0);
    const again = countingResolver();
    buildImportGraph(unhashed, again.resolve, remembered);
    expect(again.calls).toHaveLength(3);
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
