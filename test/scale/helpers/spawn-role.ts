import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testPrivateKey } from '../../github/helpers/test-app.js';
import { TEST_REDIS_URL } from '../../helpers/redis.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const WEBHOOK_SECRET = 'a-long-webhook-secret-for-scale-tests';

type LogLine = Record<string, unknown>;

/** A `scaling-report serve` or `worker` process, with its JSON log lines parsed. */
export interface RoleProcess {
  child: ChildProcess;
  lines: LogLine[];
  /** Resolves with the first log line `match` accepts, seen before or after the call. */
  waitFor(
    match: (line: LogLine) => boolean,
    timeoutMs?: number,
  ): Promise<LogLine>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** The environment every role of one test shares. */
export function roleEnv(
  githubHost: string,
  prefix: string,
): Record<string, string> {
  return {
    APP_ID: '987654',
    APP_SLUG: 'scaling-report',
    PRIVATE_KEY: testPrivateKey().replace(/\n/g, '\\n'),
    WEBHOOK_SECRET,
    GHE_HOST: githubHost,
    GHE_PROTOCOL: 'http',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: prefix,
    HOST: '127.0.0.1',
    PORT: '0',
    METRICS_PORT: '0',
    LOG_LEVEL: 'info',
  };
}

/** Starts `node --import tsx src/cli/main.ts <role>` from the repository root. */
export function spawnRole(
  role: 'serve' | 'worker',
  env: Record<string, string>,
): RoleProcess {
  // Jest's flags are not for the child.
  const inherited = { ...process.env, NODE_OPTIONS: undefined };
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', role],
    {
      cwd: ROOT,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: LogLine[] = [];
  const waiters: (() => void)[] = [];
  let partial = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    for (const part of parts) {
      if (part.trim().startsWith('{')) {
        lines.push(JSON.parse(part) as LogLine);
      }
    }
    waiters.splice(0).forEach((wake) => wake());
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) =>
    stderr.push(chunk.toString('utf8')),
  );
  const exited = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
  }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const waitFor = async (
    match: (line: LogLine) => boolean,
    timeoutMs = 20_000,
  ) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = lines.find(match);
      if (found) {
        return found;
      }
      if (Date.now() > deadline || child.exitCode !== null) {
        throw new Error(
          `${role}: no matching log line; stderr: ${stderr.join('').slice(-2000)}`,
        );
      }
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  return { child, lines, waitFor, exited };
}

/** Kills every role still running (SIGKILL) and waits for each to exit. */
export async function killRoles(roles: readonly RoleProcess[]): Promise<void> {
  await Promise.all(
    roles.map(async (role) => {
      if (role.child.exitCode === null && role.child.signalCode === null) {
        role.child.kill('SIGKILL');
      }
      await role.exited;
    }),
  );
}
