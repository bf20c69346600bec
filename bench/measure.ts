/**
 * One measurement in a fresh process, so peak RSS belongs to one tool.
 * Usage: node bench/.cache/build/bench/measure.js TOOL DIR, as the benchmark
 * runs it, or tsx bench/measure.ts TOOL DIR from source. Prints one JSON line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Project, ts } from 'ts-morph';
import { registry } from '../src/analyzers/registry.js';
import { prefilterSpecOf } from '../src/facts/candidate-test.js';
import { buildPrefilter } from '../src/facts/prefilter.js';
import { analyzeTree } from '../src/pipeline/analyze-tree.js';
import { DirectoryTree } from '../src/source/directory-tree.js';
import { isSourcePath } from '../src/source/scope.js';
import { measureIncremental } from './measure-incremental.js';
import { measureTarball } from './measure-tarball.js';

export interface Measurement {
  tool: string;
  files: number;
  bytes: number;
  ms: number;
  rssMb: number;
  detail?: Record<string, number>;
}

/** Folders that hold no file of the repository's own: tools and dependencies. */
const NOT_THE_REPOSITORY = new Set(['node_modules', '.git', '.hg', '.svn']);

/**
 * Every source file of the repository, as the floors count them
 * (medusa: 7,376 files, 26.7 MB): all source extensions, `.d.ts`, tests,
 * generated and vendored code alike. Only dependencies and VCS folders are
 * left out. Our analysis gets the same tree and applies its scope rules
 * itself; that is part of what is measured.
 */
function sourceFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (folder: string, prefix: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory() && !NOT_THE_REPOSITORY.has(entry.name)) {
        walk(`${folder}/${entry.name}`, `${prefix}${entry.name}/`);
      } else if (entry.isFile() && isSourcePath(entry.name)) {
        found.push(prefix + entry.name);
      }
    }
  };
  walk(dir, '');
  return found.sort();
}

/**
 * Every file's text, read the fastest way we know (synchronously, as
 * `DirectoryTree` does), so the floors are not slowed by their reading.
 */
function readAll(dir: string, paths: string[]): [string, string][] {
  return paths.map((p) => [p, readFileSync(`${dir}/${p}`, 'utf8')]);
}

type Measured = Omit<Measurement, 'tool' | 'rssMb'>;
type Tool = (dir: string) => Measured | Promise<Measured>;

const tools: Record<string, Tool> = {
  regex(dir) {
    const started = performance.now();
    const spec = prefilterSpecOf(registry);
    const matches = buildPrefilter([
      ...spec.keywords,
      ...(spec.wordKeywords ?? []),
      ...(spec.codeKeywords ?? []),
      ...[...(spec.guardedKeywords ?? [])].map((guarded) => guarded.keyword),
    ]);
    // Read and matched one file at a time: holding every text at once
    // made the floor pay for garbage collection no streaming scan pays.
    const paths = sourceFiles(dir);
    let bytes = 0;
    let hits = 0;
    for (const path of paths) {
      const text = readFileSync(`${dir}/${path}`, 'utf8');
      bytes += text.length;
      hits += matches(text) ? 1 : 0;
    }
    return {
      files: paths.length,
      bytes,
      ms: performance.now() - started,
      detail: { hits },
    };
  },
  'ts-parse'(dir) {
    const started = performance.now();
    const files = readAll(dir, sourceFiles(dir));
    let bytes = 0;
    for (const [path, text] of files) {
      bytes += text.length;
      ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
    }
    return { files: files.length, bytes, ms: performance.now() - started };
  },
  'ts-morph-naive'(dir) {
    const started = performance.now();
    const paths = sourceFiles(dir);
    const project = new Project({
      compilerOptions: { allowJs: true },
      skipAddingFilesFromTsConfig: true,
    });
    let bytes = 0;
    let calls = 0;
    for (const path of paths) {
      const file = project.addSourceFileAtPath(`${dir}/${path}`);
      bytes += file.getFullText().length;
      file.forEachDescendant((node) => {
        calls += node.getKind() === ts.SyntaxKind.CallExpression ? 1 : 0;
      });
    }
    return {
      files: paths.length,
      bytes,
      ms: performance.now() - started,
      detail: { calls },
    };
  },
  async 'ast-grep'(dir) {
    const { js, ts: tsLang, tsx } = await import('@ast-grep/napi');
    const started = performance.now();
    const paths = sourceFiles(dir).map((p) => `${dir}/${p}`);
    const byLang = [
      { lang: tsLang, files: paths.filter((p) => /\.[mc]?ts$/.test(p)) },
      { lang: tsx, files: paths.filter((p) => p.endsWith('.tsx')) },
      { lang: js, files: paths.filter((p) => /\.[mc]?jsx?$/.test(p)) },
    ].filter((group) => group.files.length > 0);
    let found = 0;
    await Promise.all(
      byLang.map(({ lang, files }) =>
        lang.findInFiles(
          { paths: files, matcher: { rule: { pattern: 'new Queue($$$)' } } },
          (_err, nodes) => {
            found += nodes.length;
          },
        ),
      ),
    );
    return {
      files: paths.length,
      bytes: 0,
      ms: performance.now() - started,
      detail: { found },
    };
  },
  async ours(dir) {
    const started = performance.now();
    const model = await analyzeTree(new DirectoryTree(dir));
    return {
      files: model.stats.filesScanned,
      bytes: 0,
      ms: performance.now() - started,
      detail: { parsed: model.stats.filesParsed, queues: model.queues.length },
    };
  },
  'ours-tarball': measureTarball,
  'ours-incremental': (dir) => measureIncremental(dir, { modelMemo: true }),
  'ours-incremental-no-memo': (dir) =>
    measureIncremental(dir, { modelMemo: false }),
};

const [tool, dir] = process.argv.slice(2);
const run = tool ? tools[tool] : undefined;
if (!run || !dir) {
  process.stderr.write(
    `usage: measure TOOL DIR (tools: ${Object.keys(tools).join(', ')})\n`,
  );
  process.exit(2);
}
const result = await run(dir);
const rssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ tool, ...result, rssMb })}\n`);
