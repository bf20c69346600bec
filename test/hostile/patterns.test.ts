import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { ts } from 'ts-morph';
import { globCovers } from '../../src/analyzers/pubsub/glob-covers.js';
import { publishersFor } from '../../src/analyzers/push-paths/channel-views.js';
import { createPathFilter } from '../../src/config/path-filter.js';
import { diffArchitectures } from '../../src/diff/diff-architectures.js';
import { scanImportSpecifiers } from '../../src/facts/prefilter.js';
import { buildPrefilter } from '../../src/facts/prefilter.js';
import { parseCommand } from '../../src/github/parse-command.js';
import { emptyModel } from '../../src/model/empty-model.js';
import { analyzeTree } from '../../src/pipeline/analyze-tree.js';
import { isManifestPath, outOfScope } from '../../src/source/scope.js';
import { MemoryTree } from '../../src/source/memory-tree.js';

/** A linear scan of the inputs below takes well under this; a quadratic one takes seconds. */
const BOUND_MS = 250;
const SEED = 20_250_611;

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe('every regular expression literal under src/', () => {
  const root = new URL('../../src/', import.meta.url).pathname;
  const files = (readdirSync(root, { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(root, file));
  const literals: [string, RegExp][] = files.flatMap((file) => {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, 'utf8'),
      ts.ScriptTarget.Latest,
    );
    const found: [string, RegExp][] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) {
        const line =
          source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        const [, body = '', flags = ''] =
          /^\/(.*)\/([a-z]*)$/s.exec(node.text) ?? [];
        found.push([
          `${relative(root, file)}:${line} ${node.text}`,
          new RegExp(body, flags),
        ]);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  });

  /** Runs of what the patterns around here match, each ending in a character that fails them. */
  const units = [
    ' ',
    'a',
    'A',
    '0',
    '/',
    ':',
    '.',
    '-',
    '"',
    "'",
    '`',
    '(',
    '{',
    '\t',
    'a:1',
    'a-',
    '"a ',
    'k8s/',
    'import ',
    'from ',
    'pg_notify({',
    'LISTEN "',
    'this.',
    ',',
    '\\',
  ];
  const adversarial = units.flatMap((unit) => [
    unit.repeat(Math.ceil(20_000 / unit.length)) + '\u0000',
    `x${unit.repeat(Math.ceil(20_000 / unit.length))}!\n`,
  ]);

  it('finds the literals', () => {
    expect(literals.length).toBeGreaterThan(80);
  });

  it.each(literals)(
    '%s stays linear on adversarial input',
    (_where, literal) => {
      // One search tries every start position, which is where backtracking multiplies.
      const pattern = new RegExp(
        literal.source,
        literal.flags.replace(/[gy]/g, ''),
      );
      for (const input of adversarial) {
        const { ms } = timed(() => pattern.test(input));
        expect({ input: input.slice(0, 12), ms: ms < BOUND_MS }).toEqual({
          input: input.slice(0, 12),
          ms: true,
        });
      }
    },
  );
});

describe('patterns built at run time, on crafted input', () => {
  it.each([
    [
      'import followed by a megabyte of spaces',
      `import${' '.repeat(1_000_000)}x`,
    ],
    [
      'require( followed by spaces',
      `require(${' '.repeat(200_000)}x`.repeat(3),
    ],
    ['unclosed specifiers', `from '${'a'.repeat(299)}\n`.repeat(3000)],
  ])('scanImportSpecifiers: %s', (_name, text) => {
    expect(timed(() => scanImportSpecifiers(text)).ms).toBeLessThan(
      BOUND_MS * 4,
    );
  });

  it('scanImportSpecifiers still finds every form', () => {
    const text =
      "import a from 'a';\nimport('b');\nconst c = require( \"c\" );\nexport * from './d';";
    expect(scanImportSpecifiers(text)).toEqual(['a', 'b', 'c', './d']);
  });

  it('the keyword pre-filter scans a megabyte in linear time', () => {
    const match = buildPrefilter([
      'bullmq',
      'ioredis',
      'Queue',
      '.process(',
      'pg_notify',
    ]);
    const text = 'bullm'.repeat(200_000);
    expect(timed(() => match(text))).toMatchObject({ value: false });
    expect(timed(() => match(text)).ms).toBeLessThan(BOUND_MS);
  });

  it.each([
    ['k8s/ segments', `${'k8s/'.repeat(5000)}x`],
    ['deploy/ segments ending in yaml', `${'deploy/'.repeat(5000)}x.yaml.`],
    ['compose names', `${'compose'.repeat(5000)}.yml/x`],
    ['test suffixes', `${'.test'.repeat(5000)}.tsx.`],
    [
      'folder names one letter short of a pruned one',
      `${'node_module/'.repeat(5000)}x.ts`,
    ],
  ])('path rules on %s', (_name, path) => {
    expect(
      timed(() => [isManifestPath(path), outOfScope(path)]).ms,
    ).toBeLessThan(BOUND_MS);
  });

  it('path rules still recognize Kubernetes manifests', () => {
    expect(isManifestPath('deploy/api/deployment.yaml')).toBe(true);
    expect(isManifestPath('k8s/worker.yml')).toBe(true);
    expect(isManifestPath('src/k8s.yaml')).toBe(false);
  });

  it.each([
    ['nested **/', `${'**/'.repeat(30)}x`, `${'a/'.repeat(200)}y`],
    ['stars around one letter', '*a'.repeat(30) + 'b', 'a'.repeat(250)],
    ['stars and ?', '?*'.repeat(40) + 'z', 'q'.repeat(250)],
  ])('config globs: %s', (_name, glob, path) => {
    const filter = createPathFilter({ include: [glob], exclude: [glob] });
    expect(timed(() => filter(path)).ms).toBeLessThan(BOUND_MS);
  });

  it.each([
    ['stars around one letter', `${'*a'.repeat(200)}b`, 'a'.repeat(5000)],
    ['stars and ?', `${'?*'.repeat(200)}z`, `q{${'x'.repeat(5000)}}`],
  ])('psubscribe globs against channels: %s', (_name, glob, channel) => {
    expect(timed(() => globCovers(glob, channel)).ms).toBeLessThan(BOUND_MS);
  });

  it('config globs match what their regular-expression translation matched', () => {
    const glob = fc.stringMatching(/^\/?([a-c]|\*|\*\*\/|\*\*|\?|\/){1,8}$/);
    const path = fc.stringMatching(/^[a-c]{0,3}(\/[a-c]{0,3}){0,4}$/);
    fc.assert(
      fc.property(glob, path, (g, p) => {
        expect(createPathFilter({ include: [g], exclude: [] })(p)).toBe(
          regexGlob(g).test(p),
        );
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it.each([
    ['stars around one letter', '*a'.repeat(20) + 'b', 'a'.repeat(600)],
    ['a very long pattern', '*'.repeat(5000), 'a'.repeat(5000)],
  ])('PSUBSCRIBE globs: %s', (_name, pattern, channel) => {
    const view = {
      name: pattern,
      pattern: true,
      publishers: [],
      subscribers: [],
    };
    const site = { file: 'src/pub.ts', line: 1, role: 'publisher' };
    const other = {
      name: channel,
      pattern: false,
      publishers: [site],
      subscribers: [],
    };
    expect(timed(() => publishersFor(view, [other])).ms).toBeLessThan(BOUND_MS);
  });

  it('PSUBSCRIBE globs still match like Redis', () => {
    const site = { file: 'src/pub.ts', line: 3, role: 'publisher' };
    const channel = (name: string) => ({
      name,
      pattern: false,
      publishers: [site],
      subscribers: [],
    });
    const view = {
      name: 'user:*:ev?nt',
      pattern: true,
      publishers: [],
      subscribers: [],
    };
    expect(publishersFor(view, [channel('user:42:event')])).toEqual([site]);
    expect(publishersFor(view, [channel('user:42:events')])).toEqual([]);
  });

  it('pg_notify arguments left open a thousand times', async () => {
    const sql = 'SELECT pg_notify({'.repeat(3000);
    const file = `import { Client } from 'pg';\nconst pg = new Client();\npg.query('${sql}');\n`;
    const { ms } = await timedAsync(() =>
      analyzeTree(new MemoryTree({ 'src/pg.ts': file }, 'pg')),
    );
    expect(ms).toBeLessThan(BOUND_MS * 8);
  });

  it('failure-handling details that are one long word', () => {
    const base = emptyModel('base');
    const head = emptyModel('head');
    head.failureHandling.push({
      kind: 'error-swallowed',
      detail: 'a:1a'.repeat(25_000),
      sites: [{ file: 'src/w.ts', line: 1, role: 'processor' }],
    });
    expect(timed(() => diffArchitectures(base, head)).ms).toBeLessThan(
      BOUND_MS * 4,
    );
  });

  it('a 64 KiB command comment of crafted lines', () => {
    const body = [
      '> '.repeat(8000),
      '```'.repeat(4000),
      `/scaling-report${' \t'.repeat(8000)}x`,
    ].join('\n');
    expect(timed(() => parseCommand(body)).ms).toBeLessThan(BOUND_MS);
  });
});

async function timedAsync<T>(
  run: () => Promise<T>,
): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await run();
  return { value, ms: performance.now() - started };
}

/** The regular expression `paths` globs used to compile to: the oracle for short inputs. */
function regexGlob(glob: string): RegExp {
  const anchored = glob.startsWith('/');
  const pattern = glob.replace(/^\/+/, '').replace(/\/+$/, '');
  const anyDepth = !anchored && !pattern.includes('/');
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    if (pattern.startsWith('**/', i)) {
      source += '(?:.*/)?';
      i += 2;
    } else if (pattern.startsWith('**', i)) {
      source += '.*';
      i += 1;
    } else {
      const c = pattern.charAt(i);
      source +=
        c === '*'
          ? '[^/]*'
          : c === '?'
            ? '[^/]'
            : c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${anyDepth ? '(?:.*/)?' : ''}${source}(?:/.*)?$`);
}
