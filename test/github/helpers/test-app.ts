import { generateKeyPairSync } from 'node:crypto';
import { Probot, ProbotOctokit } from 'probot';
import type { ScalingReportAppOptions } from '../../../src/github/app.js';
import { scalingReportApp } from '../../../src/github/app.js';
import type { AnalysisRunner } from '../../../src/runner/analysis-runner.js';
import { captureLog } from './capture-log.js';

export const APP_ID = 987654;
export const APP_SLUG = 'scaling-report';
export const INSTALLATION_ID = 4242;

let privateKey: string | undefined;

/** A real RSA key, so Probot signs real app JWTs. Made once per test file. */
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  }).privateKey;
  return privateKey;
}

/**
 * Octokit as Probot builds it, with retries and throttling off: a mock
 * answers once. A plain defaults object is not enough: Probot passes its
 * own `throttle` options down, which replace ours, and the write limiter
 * would space every POST/PATCH a second apart. A function merges last.
 */
export const TestOctokit = ProbotOctokit.defaults(
  (options: { throttle?: Record<string, unknown> }) => ({
    ...options,
    retry: { enabled: false },
    throttle: { ...options.throttle, enabled: false },
  }),
);

/** An installation client as a job gets it, for tests of one publishing step. */
export function installationOctokit(): InstanceType<typeof TestOctokit> {
  return new TestOctokit({
    auth: { token: 'ghs_16C7e42F292c6912E7710c838347Ae178B4a' },
  });
}

/** Probot with the app loaded, logging to an array; `deliver` waits for the queued work. */
export async function createTestApp(options: ScalingReportAppOptions = {}) {
  const { log, lines } = captureLog('info');
  const probot = new Probot({
    appId: APP_ID,
    privateKey: testPrivateKey(),
    log,
    Octokit: TestOctokit,
  });
  let runner: AnalysisRunner | undefined;
  await probot.load((app) => {
    runner = scalingReportApp(app, options);
  });
  const loaded = runner!;

  const deliver = async (
    name: string,
    id: string,
    payload: unknown,
  ): Promise<void> => {
    await probot.receive({ id, name, payload } as Parameters<
      Probot['receive']
    >[0]);
    await loaded.drain?.();
  };
  return { probot, runner: loaded, lines, deliver };
}
