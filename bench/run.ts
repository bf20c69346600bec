/**
 * `npm run bench [-- DIR ...] [--runs N] [--quick]`
 *
 * Prints, for the synthetic corpus and every folder given, each tool side by
 * side in one run: our analysis against TypeScript's parse-only floor, naive
 * ts-morph, ast-grep and a regex read of every file. Each figure is the
 * median of several runs, each in a fresh process so peak RSS is its own.
 */
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateCorpus } from './generate-corpus.js';
import type { Measurement } from './measure.js';

const run = promisify(execFile);
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const runsFlag = args.indexOf('--runs');
const runs = runsFlag >= 0 ? Number(args[runsFlag + 1]) : quick ? 1 : 3;
const folders = args.filter(
  (arg, i) => !arg.startsWith('--') && args[i - 1] !== '--runs',
);

const TOOLS = [
  'regex',
  'ts-parse',
  'ts-morph-naive',
  'ast-grep',
  'ours',
  'ours-tarball',
  'ours-incremental',
];

async function measure(tool: string, dir: string): Promise<Measurement> {
  const { stdout } = await run(
    process.execPath,
    ['--import', 'tsx', 'bench/measure.ts', tool, dir],
    { maxBuffer: 1 << 20, env: { ...process.env, NODE_OPTIONS: '' } },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Measurement;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function medianOf(
  tool: string,
  dir: string,
  times: number,
): Promise<Measurement> {
  const results: Measurement[] = [];
  for (let i = 0; i < times; i++) {
    results.push(await measure(tool, dir));
  }
  const first = results[0] as Measurement;
  return {
    ...first,
    ms: median(results.map((r) => r.ms)),
    rssMb: Math.max(...results.map((r) => r.rssMb)),
  };
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

async function benchFolder(label: string, dir: string): Promise<void> {
  const results = new Map<string, Measurement>();
  for (const tool of TOOLS) {
    const times = tool === 'ts-morph-naive' ? Math.min(runs, 2) : runs;
    results.set(tool, await medianOf(tool, dir, times));
  }
  const bytes = results.get('ts-parse')?.bytes ?? 0;
  const mb = bytes / 1e6;
  console.log(`\n## ${label} (${dir})\n`);
  console.log(
    row([
      'tool',
      'files',
      'MB',
      'wall ms (median)',
      'MB/s',
      'peak RSS MB',
      'detail',
    ]),
  );
  console.log(row(['---', '---:', '---:', '---:', '---:', '---:', '---']));
  for (const [tool, r] of results) {
    const detail = r.detail
      ? Object.entries(r.detail)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')
      : '';
    console.log(
      row([
        tool,
        r.files,
        mb.toFixed(1),
        r.ms.toFixed(0),
        (mb / (r.ms / 1000)).toFixed(1),
        r.rssMb.toFixed(0),
        detail,
      ]),
    );
  }
  const ms = (tool: string): number => results.get(tool)?.ms ?? NaN;
  console.log('\n| ratio | value | target |');
  console.log('| --- | ---: | --- |');
  console.log(
    row([
      'ours / TypeScript parse-only',
      (ms('ours') / ms('ts-parse')).toFixed(2),
      '<= 0.35',
    ]),
  );
  console.log(
    row([
      'ours from .tar.gz / TypeScript parse-only',
      (ms('ours-tarball') / ms('ts-parse')).toFixed(2),
      '<= 0.8',
    ]),
  );
  console.log(
    row([
      'ours / naive ts-morph',
      (ms('ours') / ms('ts-morph-naive')).toFixed(3),
      '',
    ]),
  );
  console.log(
    row([
      'incremental PR scan (base+head, 20 files, warm) / ours',
      (ms('ours-incremental') / ms('ours')).toFixed(2),
      '<= 0.1',
    ]),
  );
  console.log(
    row([
      'ours / ast-grep findInFiles (one pattern)',
      (ms('ours') / ms('ast-grep')).toFixed(2),
      '< 1',
    ]),
  );
  console.log(
    row([
      'ours peak RSS MB',
      (results.get('ours')?.rssMb ?? 0).toFixed(0),
      '<= 300',
    ]),
  );
}

async function scalingSeries(): Promise<void> {
  console.log('\n## Scaling series (synthetic, 2% pattern files)\n');
  console.log(
    row([
      'files',
      'candidates parsed',
      'TypeScript parse-only ms',
      'ours ms',
      'ours ms per 100 parsed',
      'ratio',
    ]),
  );
  console.log(row(['---:', '---:', '---:', '---:', '---:', '---:']));
  for (const files of [1000, 5000, 20000]) {
    const dir = join(tmpdir(), `scaling-report-bench-${files}`);
    await generateCorpus(dir, { files });
    const floor = await medianOf('ts-parse', dir, runs);
    const ours = await medianOf('ours', dir, runs);
    const parsed = ours.detail?.parsed ?? 0;
    console.log(
      row([
        files,
        parsed,
        floor.ms.toFixed(0),
        ours.ms.toFixed(0),
        ((ours.ms / Math.max(parsed, 1)) * 100).toFixed(1),
        (ours.ms / floor.ms).toFixed(2),
      ]),
    );
  }
}

const synthetic = join(tmpdir(), 'scaling-report-bench-corpus');
console.log(
  `# Scaling Report benchmark (${runs} run(s) each, medians; node ${process.version})`,
);
await generateCorpus(synthetic);
await benchFolder('synthetic monorepo, 7,000 files', synthetic);
for (const folder of folders) {
  await benchFolder(folder, folder);
}
if (!quick) {
  await scalingSeries();
}
