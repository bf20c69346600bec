import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { CliIo } from '../../src/cli/command.js';
import { main } from '../../src/cli/main.js';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scaling-report-cli-'));
  await writeFile(join(dir, 'index.ts'), `export const answer = 42;\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(
  argv: string[],
  env: Record<string, string> = {},
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: dir,
    env,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

describe('scaling-report analyze', () => {
  it('prints the markdown report of a directory', async () => {
    const result = await run(['analyze', dir]);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n')[0]).toBe(
      `# Scaling report: ${basename(dir)}`,
    );
    expect(result.stdout).toContain('## Queue Architecture');
  });

  it('analyzes the current directory by default, relative to it', async () => {
    const result = await run(['analyze', '--format', 'json']);
    const model = JSON.parse(result.stdout) as {
      schemaVersion: number;
      root: string;
    };

    expect(result.code).toBe(0);
    expect(model.schemaVersion).toBe(1);
    expect(model.root).toBe(basename(dir));
  });

  it('prints Mermaid source without fences', async () => {
    const result = await run(['analyze', '.', '-f', 'mermaid']);

    expect(result.code).toBe(0);
    expect(result.stdout.startsWith('flowchart LR\n')).toBe(true);
  });

  it('writes the report to --output instead of stdout', async () => {
    const result = await run([
      'analyze',
      '.',
      '--output',
      'report.json',
      '--format=json',
    ]);
    const written = JSON.parse(
      await readFile(join(dir, 'report.json'), 'utf8'),
    ) as object;

    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(written).toHaveProperty('stats.filesSeen');
  });

  it('links citations under --link-base', async () => {
    const result = await run(['analyze', '--link-base', 'https://x/blob/sha']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('# Scaling report:');
  });

  it.each([
    [
      'a missing directory',
      ['analyze', 'missing'],
      'cannot read directory missing (ENOENT)',
    ],
    [
      'a file as directory',
      ['analyze', 'index.ts'],
      'index.ts is not a directory',
    ],
    ['an unknown format', ['analyze', '-f', 'xml'], 'unknown format xml'],
    ['an unknown flag', ['analyze', '--bogus'], "Unknown option '--bogus'"],
    [
      'two directories',
      ['analyze', 'a', 'b'],
      'analyze takes one directory, got 2',
    ],
    ['an unknown command', ['deploy'], 'unknown command deploy'],
  ])('exits 2 with one line for %s', async (_, argv, message) => {
    const result = await run(argv);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.startsWith(`scaling-report: ${message}`)).toBe(true);
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('exits 2 for an unknown LOG_LEVEL', async () => {
    const result = await run(['analyze'], { LOG_LEVEL: 'loud' });

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^scaling-report: LOG_LEVEL loud is not one of/,
    );
  });

  it('exits 1 when the output cannot be written', async () => {
    const result = await run(['analyze', '-o', join('missing', 'out.md')]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^scaling-report: cannot write missing\/out\.md \(ENOENT\)\n$/,
    );
  });

  it('logs JSON lines to stderr at LOG_LEVEL', async () => {
    const result = await run(['analyze', '-f', 'json'], { LOG_LEVEL: 'info' });
    const lines = result.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { msg: string; level: number });

    expect(lines.map((line) => line.msg)).toContain('analysis finished');
    expect(JSON.parse(result.stdout)).toHaveProperty('schemaVersion', 1);
  });
});

describe('scaling-report --help', () => {
  it('lists the commands on stdout', async () => {
    const result = await run(['--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: scaling-report <command>/);
    expect(result.stdout).toContain('  analyze    Report the queue');
  });

  it('prints the options of a command', async () => {
    const result = await run(['analyze', '--help']);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('-f, --format FORMAT');
  });

  it('prints usage to stderr and exits 2 without a command', async () => {
    const result = await run([]);

    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: scaling-report/);
  });
});
