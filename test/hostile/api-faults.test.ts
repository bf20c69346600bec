import nock from 'nock';
import { Probot, ProbotOctokit } from 'probot';
import { scalingReportApp } from '../../src/github/app.js';
import { fetchTarballTree } from '../../src/github/fetch-tarball-tree.js';
import type { AnalysisRunner } from '../../src/runner/analysis-runner.js';
import { baseFiles, headAddsQueue } from '../github/helpers/billing-repo.js';
import { buildTarball } from '../github/helpers/build-tarball.js';
import { captureLog } from '../github/helpers/capture-log.js';
import { GitHubApiMock } from '../github/helpers/github-api-mock.js';
import { pullRequestPayload } from '../github/helpers/payloads.js';
import {
  APP_ID,
  installationOctokit,
  testPrivateKey,
} from '../github/helpers/test-app.js';
import { useNock } from '../github/helpers/use-nock.js';

const MERGE_BASE = '1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d';
const HEAD = '6f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6';
const REPO = '/repos/acme/billing';

useNock();

/**
 * Probot's Octokit with retries on, as in production, but with a 1 ms
 * backoff so a test does not wait; throttling stays off (it would space
 * writes a second apart).
 */
const RetryingOctokit = ProbotOctokit.defaults(
  (options: { throttle?: Record<string, unknown> }) => ({
    ...options,
    retry: { retryAfterBaseValue: 1 },
    throttle: { ...options.throttle, enabled: false },
  }),
);

async function retryingApp() {
  const { log, lines } = captureLog('info');
  const probot = new Probot({
    appId: APP_ID,
    privateKey: testPrivateKey(),
    log,
    Octokit: RetryingOctokit,
  });
  let runner: AnalysisRunner | undefined;
  await probot.load((app) => {
    runner = scalingReportApp(app, { appSlug: 'scaling-report' });
  });
  const deliver = async (id: string): Promise<void> => {
    await probot.receive({
      id,
      name: 'pull_request',
      payload: pullRequestPayload('opened', { headSha: HEAD }),
    });
    await runner?.drain?.();
  };
  return { deliver, lines };
}

let base: Buffer;
let head: Buffer;
beforeAll(async () => {
  base = await buildTarball(baseFiles);
  head = await buildTarball(headAddsQueue);
});

function summaryOf(api: GitHubApiMock): string {
  const output = api.written('PATCH', '/check-runs/501')[0]?.body.output as {
    summary?: string;
  };
  return output.summary ?? '';
}

describe('GitHub API faults during a pull request analysis', () => {
  it('retries a 502 on the merge base and an archive, then posts once', async () => {
    const { deliver } = await retryingApp();
    const api = new GitHubApiMock()
      .installationToken()
      .config()
      .createCheckRun(501);
    api.scope
      .get(`${REPO}/compare/main...${HEAD}`)
      .query(true)
      .reply(502, 'Bad Gateway');
    api.compare('main', HEAD, MERGE_BASE);
    api.scope.get(`${REPO}/tarball/${MERGE_BASE}`).reply(503, 'Unavailable');
    api.tarball(MERGE_BASE, base).tarball(HEAD, head);
    api.comments([]).createComment(9001).updateCheckRun(501);

    await deliver('fault-502');

    expect(api.written('POST', '/issues/12/comments')).toHaveLength(1);
    expect(api.written('PATCH', '/check-runs/501')[0]?.body.conclusion).toBe(
      'neutral',
    );
  });

  it.each([
    [404, 'the repository, commit or installation is gone'],
    [422, 'GitHub refused the request as invalid'],
  ])(
    'does not retry a %i, and says what it means in the check run',
    async (status, meaning) => {
      const { deliver } = await retryingApp();
      const api = new GitHubApiMock()
        .installationToken()
        .config()
        .createCheckRun(501);
      api.scope
        .get(`${REPO}/compare/main...${HEAD}`)
        .query(true)
        .reply(status, { message: 'No' });
      api.updateCheckRun(501);

      await deliver(`fault-${status}`);

      expect(api.written('PATCH', '/check-runs/501')[0]?.body).toMatchObject({
        conclusion: 'neutral',
        output: { title: 'Analysis unavailable' },
      });
      expect(summaryOf(api)).toContain(
        `GitHub answered HTTP ${status} (${meaning}`,
      );
      expect(api.written('POST', '/issues/12/comments')).toEqual([]);
    },
  );

  it('gives up on a lasting 500 after a few tries, with a clear message and no comment', async () => {
    const { deliver } = await retryingApp();
    const api = new GitHubApiMock()
      .installationToken()
      .config()
      .createCheckRun(501);
    api.scope
      .get(`${REPO}/compare/main...${HEAD}`)
      .query(true)
      .times(4)
      .reply(500, 'Oops');
    api.updateCheckRun(501);

    await deliver('fault-500');

    expect(summaryOf(api)).toContain(
      "GitHub answered HTTP 500 (an error on GitHub's side",
    );
    expect(summaryOf(api)).toContain('`fault-500`');
    expect(api.written('POST', '/issues/12/comments')).toEqual([]);
  });

  it('a tarball redirect whose target fails: retried, then a clear message', async () => {
    const { deliver } = await retryingApp();
    const api = new GitHubApiMock()
      .installationToken()
      .config()
      .createCheckRun(501);
    api.compare('main', HEAD, MERGE_BASE);
    api.scope
      .get(`${REPO}/tarball/${MERGE_BASE}`)
      .times(4)
      .reply(302, '', {
        location: `https://codeload.github.com/acme/billing/legacy.tar.gz/${MERGE_BASE}?token=SECRET1`,
      });
    nock('https://codeload.github.com')
      .get(`/acme/billing/legacy.tar.gz/${MERGE_BASE}`)
      .query(true)
      .times(4)
      .reply(500, 'codeload down');
    api.updateCheckRun(501);

    await deliver('fault-redirect');

    expect(summaryOf(api)).toContain('GitHub answered HTTP 500');
    expect(summaryOf(api)).not.toContain('SECRET1');
  });

  it('a failed comment does not stop the check run, and the comment is not posted half', async () => {
    const { deliver, lines } = await retryingApp();
    const api = new GitHubApiMock()
      .installationToken()
      .config()
      .createCheckRun(501);
    api
      .compare('main', HEAD, MERGE_BASE)
      .tarball(MERGE_BASE, base)
      .tarball(HEAD, head);
    api.comments([]);
    api.scope
      .post(`${REPO}/issues/12/comments`)
      .reply(422, { message: 'Body is too long' });
    api.updateCheckRun(501);

    await deliver('fault-comment');

    expect(api.written('PATCH', '/check-runs/501')[0]?.body.status).toBe(
      'completed',
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'pull request comment could not be posted',
        deliveryId: 'fault-comment',
      }),
    );
  });
});

describe('archive downloads that stall or are rate limited', () => {
  it('aborts a download that does not finish in time', async () => {
    nock('https://api.github.com')
      .get(`${REPO}/tarball/${HEAD}`)
      .delay(2000)
      .reply(200, head, { 'content-type': 'application/x-gzip' });

    const fetching = fetchTarballTree(
      installationOctokit(),
      { owner: 'acme', repo: 'billing' },
      HEAD,
      {},
      {
        timeoutMs: 100,
      },
    );

    await expect(fetching).rejects.toMatchObject({
      name: expect.stringMatching(/TimeoutError|AbortError|HttpError/),
    });
  });

  it('waits out a primary rate limit on the archive and then reads it', async () => {
    const Throttled = ProbotOctokit.defaults(
      (options: { throttle?: Record<string, unknown> }) => ({
        ...options,
        retry: { enabled: false },
      }),
    );
    const quiet = (): void => undefined;
    const octokit = new Throttled({
      auth: { token: 'ghs_16C7e42F292c6912E7710c838347Ae178B4a' },
      log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
    });
    const reset = Math.floor(Date.now() / 1000);
    nock('https://api.github.com')
      .get(`${REPO}/tarball/${HEAD}`)
      .reply(
        403,
        { message: 'API rate limit exceeded' },
        {
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': String(reset),
        },
      )
      .get(`${REPO}/tarball/${HEAD}`)
      .reply(200, head, { 'content-type': 'application/x-gzip' });

    const tree = await fetchTarballTree(
      octokit,
      { owner: 'acme', repo: 'billing' },
      HEAD,
    );

    expect(await tree.paths()).toContain('src/queues/invoices.ts');
  });
});
