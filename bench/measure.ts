/**
 * One measurement in a fresh process, so peak RSS belongs to one tool.
 * Usage: tsx bench/measure.ts TOOL DIR. Prints one JSON line.
 */
import { readFile } from 'node:fs/promises';
import { Project, ts } from 'ts-morph';
import { registry } from '../src/analyzers/registry.js';
import { buildPrefilter } from '../src/facts/prefilter.js';
import { analyzeTree } from '../src/pipeline/analyze-tree.js';
import { DirectoryTree } from '../src/source/directory-tree.js';
import { isSourcePath, outOfScope } from '../src/source/scope.js';
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

async function sourceFiles(dir: string): Promise<string[]> {
  const tree = new DirectoryTree(dir);
  return (await tree.paths()).filter((p) => isSourcePath(p) && !outOfScope(p));
}

async function readAll(
  dir: string,
  paths: string[],
): Promise<[string, string][]> {
  // In batches: 20,000 reads at once run out of file descriptors.
  const out: [string, string][] = [];
  for (let i = 0; i < paths.length; i += 64) {
    const batch = paths.slice(i, i + 64);
    const texts = await Promise.all(
      batch.map((p) => readFile(`${dir}/${p}`, 'utf8')),
    );
    batch.forEach((p, j) => out.push([p, texts[j] ?? '']));
  }
  return out;
}

type Tool = (dir: string) => Promise<Omit<Measurement, 'tool' | 'rssMb'>>;

const tools: Record<string, Tool> = {
  async regex(dir) {
    const started = performance.now();
    const matches = buildPrefilter(registry.flatMap((a) => a.keywords));
    const files = await readAll(dir, await sourceFiles(dir));
    let bytes = 0;
    let hits = 0;
    for (const [, text] of files) {
      bytes += text.length;
      hits += matches(text) ? 1 : 0;
    }
    return {
      files: files.length,
      bytes,
      ms: performance.now() - started,
      detail: { hits },
    };
  },
  async 'ts-parse'(dir) {
    const started = performance.now();
    const files = await readAll(dir, await sourceFiles(dir));
    let bytes = 0;
    for (const [path, text] of files) {
      bytes += text.length;
      ts.createSourceFile(path, text, ts.ScriptTarget.Latest, false);
    }
    return { files: files.length, bytes, ms: performance.now() - started };
  },
  async 'ts-morph-naive'(dir) {
    const started = performance.now();
    const paths = await sourceFiles(dir);
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
    const paths = (await sourceFiles(dir)).map((p) => `${dir}/${p}`);
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
  'ours-incremental': measureIncremental,
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
