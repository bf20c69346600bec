import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIo } from '../../src/cli/command.js';
import { main } from '../../src/cli/main.js';
import { COMMENT_MARKER } from '../../src/render/comment/render-comment.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'diff');
const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function run(argv: string[], cwd: string): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd,
    env: { LOG_LEVEL: 'silent' },
  };
  const code = await main(['diff', ...argv], io);
  return { code, stdout, stderr };
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
    },
  }).trim();
}

/** Replaces the repository's files with a fixture tree and commits it. */
function commitTree(repo: string, fixture: string): string {
  rmSync(join(repo, 'src'), { recursive: true, force: true });
  cpSync(join(FIXTURES, fixture), repo, { recursive: true });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', fixture);
  return git(repo, 'rev-parse', 'HEAD');
}

describe('scaling-report diff on two directories', () => {
  it('prints the PR comment body', async () => {
    const result = await run(['base', 'changed'], FIXTURES);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(COMMENT_MARKER);
    expect(lines[1]).toBe(
      '**Scaling report**: 1 error, 4 warnings, 2 info in this pull request',
    );
    expect(result.stdout).toContain('Queue `emails` (bullmq): attempts 3 → 5.');
    expect(result.stdout).toContain('Analyzed base `base` → head `changed`');
  });

  it('prints findings and summaries as JSON, without the models', async () => {
    const result = await run(['base', 'changed', '--format', 'json'], FIXTURES);
    const output = JSON.parse(result.stdout) as Record<string, unknown>;

    expect(Object.keys(output)).toEqual(['findings', 'base', 'head']);
    expect(output.base).toMatchObject({ queues: 1, redisKeys: 3 });
    expect(output.head).toMatchObject({ queues: 2 });
    expect(
      (output.findings as { rule: string }[]).map((f) => f.rule),
    ).toContain('consumer-missing');
  });

  it('writes to --output and fails only at --fail-on', async () => {
    const out = mkdtempSync(join(tmpdir(), 'diff-out-'));
    try {
      const file = join(out, 'comment.md');
      const written = await run(['base', 'changed', '-o', file], FIXTURES);
      const quiet = await run(
        ['base', 'moved', '--fail-on', 'warning'],
        FIXTURES,
      );
      const failing = await run(
        ['base', 'changed', '--fail-on', 'error'],
        FIXTURES,
      );

      expect(written).toMatchObject({ code: 0, stdout: '' });
      expect(readFileSync(file, 'utf8').startsWith(COMMENT_MARKER)).toBe(true);
      expect(quiet.code).toBe(0);
      expect(quiet.stdout).toContain('no scaling findings remain');
      expect(failing.code).toBe(1);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it.each([
    [['base'], 'diff takes BASE and HEAD, got 1 arguments'],
    [
      ['base', 'changed', '--format', 'html'],
      'unknown format html; use one of markdown, json',
    ],
    [['base', 'changed', '--fail-on', 'info'], 'unknown fail-on level info'],
    [['base', 'nope'], 'nope is not a directory, and'],
  ])('exits 2 with one line for %j', async (argv, message) => {
    const outside = mkdtempSync(join(tmpdir(), 'diff-bad-'));
    cpSync(join(FIXTURES, 'base'), join(outside, 'base'), { recursive: true });
    try {
      const result = await run(argv, outside);

      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('scaling-report diff on two git revisions', () => {
  let repo: string;
  let baseSha: string;
  let headSha: string;

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'diff-git-'));
    git(repo, 'init', '-q', '-b', 'main');
    baseSha = commitTree(repo, 'base');
    headSha = commitTree(repo, 'changed');
    // Checked out and dirty: neither may leak into what the revisions read.
    writeFileSync(join(repo, 'src/queues.ts'), 'export {};\n');
  });

  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('reads both revisions from git objects and names their commits', async () => {
    const result = await run(['HEAD~1', 'main'], repo);

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('1 error, 4 warnings, 2 info');
    expect(result.stdout).toContain(
      `Analyzed base \`${baseSha.slice(0, 7)}\` → head \`${headSha.slice(0, 7)}\``,
    );
  });

  it('links locations with --repo-url', async () => {
    const result = await run(
      ['HEAD~1', 'HEAD', '--repo-url', 'https://github.com/acme/mailer'],
      repo,
    );

    expect(result.stdout).toContain(
      `(https://github.com/acme/mailer/blob/${headSha}/src/queues.ts#L7)`,
    );
    expect(result.stdout).toContain(
      `(https://github.com/acme/mailer/blob/${baseSha}/src/queues.ts#L8) (base)`,
    );
  });

  it('takes the rule settings from the base', async () => {
    const config = 'rules:\n  queue-added: false\n  retry-changed: error\n';
    mkdirSync(join(repo, '.github'), { recursive: true });
    writeFileSync(join(repo, '.github/scaling-report.yml'), config);
    commitTree(repo, 'base');
    git(repo, 'tag', 'configured');
    const head = commitTree(repo, 'changed');

    const result = await run(['configured', head, '--format', 'json'], repo);
    const { findings } = JSON.parse(result.stdout) as {
      findings: { rule: string; severity: string }[];
    };

    expect(findings.map((f) => f.rule)).not.toContain('queue-added');
    expect(
      findings.filter((f) => f.rule === 'retry-changed').map((f) => f.severity),
    ).toEqual(['error', 'error']);
  });
});

describe('scaling-report diff on the example pull request', () => {
  it('flags what the refunds change does to orders-service', async () => {
    const result = await run(
      ['orders-service', 'orders-service-pr', '--format', 'json'],
      EXAMPLES,
    );
    const { findings } = JSON.parse(result.stdout) as {
      findings: { rule: string; subject?: { name: string } }[];
    };

    expect(findings.map((f) => `${f.rule} ${f.subject?.name}`)).toEqual([
      'job-retention-missing refunds',
      'redis-key-no-ttl refund:{orderId}:requested',
      'retry-changed orders',
      'schedule-unguarded chaseUnconfirmedRefunds (0 * * * *)',
      'shutdown-missing worker:refunds',
      'concurrency-changed orders',
      'queue-added refunds',
      'redis-key-added refund:{orderId}:requested',
      'schedule-added chaseUnconfirmedRefunds (0 * * * *)',
    ]);
  });
});
