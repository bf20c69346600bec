/**
 * `npm run bench [-- DIR ...] [--runs N] [--quick]`
 *
 * Prints, for the synthetic corpus and every folder given, each tool side by
 * side in one run: our analysis against TypeScript's parse-only floor, naive
 * ts-morph, ast-grep and a regex read of every file. Each figure is the
 * median of several runs, each in a fresh process so peak RSS is its own.
 * Runs are interleaved (every tool once, then again), so a machine that
 * slows down mid-benchmark slows every tool alike. The measured processes
 * run our code compiled by tsc, as `dist/` ships it, not through tsx, whose
 * on-the-fly transform adds a helper call to every function and 50 MB of
 * resident memory.
 */
import { execFile, execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generateCorpus } from './generate-corpus.js';
import type { Measurement } from './measure.js';
import { archivePathOf } from './measure-tarball.js';
import { stolenShare } from './stolen-time.js';

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
  'ours-incremental-no-memo',
];

/** Naive ts-morph takes minutes and is far from any target: one run. */
const RUNS_OF: Record<string, number> = { 'ts-morph-naive': 1 };

/** Where `tsconfig.bench.json` compiles `src/` and `bench/`. */
const BUILD = 'bench/.cache/build';

async function measure(tool: string, dir: string): Promise<Measurement> {
  const { stdout } = await run(
    process.execPath,
    [`${BUILD}/bench/measure.js`, tool, dir],
    { maxBuffer: 1 << 20, env: { ...process.env, NODE_OPTIONS: '' } },
  );
  return JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as Measurement;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Every tool `times` times, round by round; the median wall time of each. */
async function interleaved(
  tools: readonly string[],
  dir: string,
  times: number,
): Promise<Map<string, Measurement>> {
  const all = new Map<string, Measurement[]>(tools.map((t) => [t, []]));
  for (let round = 0; round < times; round++) {
    for (const tool of tools) {
      if (round < (RUNS_OF[tool] ?? times)) {
        all.get(tool)?.push(await measure(tool, dir));
      }
    }
  }
  const results = new Map<string, Measurement>();
  for (const [tool, list] of all) {
    const first = list[0] as Measurement;
    results.set(tool, {
      ...first,
      ms: median(list.map((r) => r.ms)),
      rssMb: Math.max(...list.map((r) => r.rssMb)),
    });
  }
  return results;
}

function row(cells: (string | number)[]): string {
  return `| ${cells.join(' | ')} |`;
}

function printTools(results: Map<string, Measurement>, mb: number): void {
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
}

function printRatios(results: Map<string, Measurement>): void {
  const ms = (tool: string): number => results.get(tool)?.ms ?? NaN;
  const ratios: [string, number, number, string][] = [
    ['ours / TypeScript parse-only', ms('ours') / ms('ts-parse'), 2, '<= 0.35'],
    [
      'ours from .tar.gz / TypeScript parse-only',
      ms('ours-tarball') / ms('ts-parse'),
      2,
      '<= 0.8',
    ],
    ['ours / naive ts-morph', ms('ours') / ms('ts-morph-naive'), 3, ''],
    [
      'incremental PR scan (base+head, 20 files, warm) / ours',
      ms('ours-incremental') / ms('ours'),
      2,
      '<= 0.1',
    ],
    [
      'the same, base analyzed again from the fact cache / ours',
      ms('ours-incremental-no-memo') / ms('ours'),
      2,
      '',
    ],
    [
      'ours / ast-grep findInFiles (one pattern)',
      ms('ours') / ms('ast-grep'),
      2,
      '< 1',
    ],
    ['ours peak RSS MB', results.get('ours')?.rssMb ?? 0, 0, '<= 300'],
  ];
  console.log('\n| ratio | value | target |');
  console.log('| --- | ---: | --- |');
  for (const [name, value, digits, target] of ratios) {
    console.log(row([name, value.toFixed(digits), target]));
  }
}

async function benchFolder(label: string, dir: string): Promise<void> {
  rmSync(archivePathOf(dir), { force: true });
  const stolen = stolenShare();
  const results = await interleaved(TOOLS, dir, runs);
  const mb = (results.get('ts-parse')?.bytes ?? 0) / 1e6;
  console.log(`\n## ${label} (${dir})\n`);
  printTools(results, mb);
  printRatios(results);
  console.log(
    '\n`files` is what each tool read: the floors take every source file of ' +
      'the tree; ours counts the files left after its scope rules; the ' +
      'incremental rows count every path of the tree, all of it held in ' +
      'memory with the warm fact cache, so their peak RSS is higher. ' +
      '`ours-incremental` is a worker that analyzed the base before and ' +
      'reuses its model; `-no-memo` analyzes the base again, every file ' +
      'answered by the fact cache.',
  );
  const share = stolen();
  if (share !== undefined) {
    console.log(
      `CPU time taken by the hypervisor while this table was measured: ${(share * 100).toFixed(0)}%.`,
    );
  }
}

async function scalingSeries(): Promise<void> {
  console.log('\n## Scaling series (synthetic)\n');
  console.log(
    'The share of pattern files held at 2%, then the same 100 pattern ' +
      'files in ever larger trees. Every file must be read and matched (the ' +
      'regex column, the true floor); past that, time should follow the ' +
      'candidates, not the tree.\n',
  );
  console.log(
    row([
      'files',
      'candidates parsed',
      'TypeScript parse-only ms',
      'regex read of every file ms',
      'ours ms',
      'ours minus the regex read, ms',
      'ratio to parse-only',
      'ours peak RSS MB',
    ]),
  );
  console.log(
    row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  );
  const series = [
    { files: 1000, patterns: 20 },
    { files: 5000, patterns: 100 },
    { files: 20000, patterns: 400 },
    { files: 20000, patterns: 100 },
    { files: 40000, patterns: 100 },
  ];
  for (const { files, patterns } of series) {
    const dir = join(tmpdir(), `scaling-report-bench-${files}-${patterns}`);
    await generateCorpus(dir, { files, patternShare: patterns / files });
    const results = await interleaved(['ts-parse', 'regex', 'ours'], dir, runs);
    const floor = results.get('ts-parse') as Measurement;
    const read = results.get('regex') as Measurement;
    const ours = results.get('ours') as Measurement;
    console.log(
      row([
        files,
        ours.detail?.parsed ?? 0,
        floor.ms.toFixed(0),
        read.ms.toFixed(0),
        ours.ms.toFixed(0),
        (ours.ms - read.ms).toFixed(0),
        (ours.ms / floor.ms).toFixed(2),
        ours.rssMb.toFixed(0),
      ]),
    );
  }
}

rmSync(BUILD, { recursive: true, force: true });
execFileSync(
  process.execPath,
  ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.bench.json'],
  { stdio: 'inherit' },
);
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
