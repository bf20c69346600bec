import { createHmac } from 'node:crypto';
import type { ScalingReportServer } from '../../src/github/create-server.js';
import { createAppLogger } from '../../src/github/create-app-logger.js';
import { createScalingReportServer } from '../../src/github/create-server.js';
import { serverOptionsFromEnv } from '../../src/github/server-options-from-env.js';
import { baseFiles, headAddsQueue } from './helpers/billing-repo.js';
import { buildTarball } from './helpers/build-tarball.js';
import { captureSink } from './helpers/capture-log.js';
import { GitHubStandIn } from './helpers/github-stand-in.js';
import { pullRequestPayload } from './helpers/payloads.js';
import { APP_ID, TestOctokit, testPrivateKey } from './helpers/test-app.js';
import { useNock } from './helpers/use-nock.js';

const SECRET = 'a-long-webhook-secret-for-tests';
const HEAD = '6f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6';
const MERGE_BASE = '1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d';
const REPO = '/api/v3/repos/acme/billing';

useNock('127.0.0.1');

let github: GitHubStandIn;
let app: ScalingReportServer;
let appUrl: string;
const { sink, lines } = captureSink();
const log = createAppLogger({ level: 'info', destination: sink });

beforeAll(async () => {
  const base = await buildTarball(baseFiles);
  const head = await buildTarball(headAddsQueue);
  github = new GitHubStandIn()
    .route('POST', '/api/v3/app/installations/4242/access_tokens', () => [
      201,
      {
        token: 'ghs_standin',
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
      },
    ])
    .route('GET', '/api/v3/app', () => [
      200,
      { id: APP_ID, slug: 'scaling-report' },
    ])
    .route('GET', `${REPO}/contents/.github/scaling-report.yml`, () => [
      404,
      { message: 'Not Found' },
    ])
    .route('POST', `${REPO}/check-runs`, () => [201, { id: 31 }])
    .route('PATCH', `${REPO}/check-runs/31`, () => [200, { id: 31 }])
    .route('GET', `${REPO}/compare/main...${HEAD}`, () => [
      200,
      { merge_base_commit: { sha: MERGE_BASE } },
    ])
    // Enterprise serves archives through a redirect, as github.com does through codeload.
    .route('GET', `${REPO}/tarball/${MERGE_BASE}`, () => [
      302,
      {},
      {
        location: `/_codeload/acme/billing/legacy.tar.gz/${MERGE_BASE}?token=one-time`,
      },
    ])
    .route('GET', `/_codeload/acme/billing/legacy.tar.gz/${MERGE_BASE}`, () => [
      200,
      base,
    ])
    .route('GET', `${REPO}/tarball/${HEAD}`, () => [200, head])
    .route('GET', `${REPO}/issues/12/comments`, () => [200, []])
    .route('POST', `${REPO}/issues/12/comments`, (_req, body) => [
      201,
      { id: 5, ...body },
    ]);
  const { host } = await github.listen();

  const env = {
    APP_ID: String(APP_ID),
    PRIVATE_KEY: testPrivateKey().replace(/\n/g, '\\n'),
    WEBHOOK_SECRET: SECRET,
    GHE_HOST: host,
    GHE_PROTOCOL: 'http',
    HOST: '127.0.0.1',
    PORT: '0',
  };
  app = await createScalingReportServer({
    ...(await serverOptionsFromEnv(env, log)),
    Octokit: TestOctokit,
  });
  const { port } = await app.start();
  appUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await app.stop();
  await github.close();
});

function send(
  body: string,
  headers: Record<string, string>,
): Promise<Response> {
  return fetch(`${appUrl}/api/github/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'pull_request',
      ...headers,
    },
    body,
  });
}

function signature(body: string, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

describe('the HTTP server', () => {
  it('answers the health check', async () => {
    const response = await fetch(`${appUrl}/healthz`);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it.each([
    ['an unsigned', (): Record<string, string> => ({})],
    [
      'a mis-signed',
      (body: string) => ({ 'x-hub-signature-256': signature(body, 'guessed') }),
    ],
  ])('refuses %s webhook and posts nothing', async (label, sign) => {
    const body = JSON.stringify(
      pullRequestPayload('opened', { headSha: HEAD }),
    );
    const headers = sign(body);

    const response = await send(body, {
      'x-github-delivery': `forged-${label}`,
      ...headers,
    });
    await app.runner.drain?.();

    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(github.requests).toEqual([]);
  });

  it('accepts a signed webhook, answers first, then posts through the Enterprise API', async () => {
    const body = JSON.stringify(
      pullRequestPayload('opened', { headSha: HEAD }),
    );
    const delivery = '72d3162e-cc78-11e3-81ab-4c9367dc0958';

    const response = await send(body, {
      'x-github-delivery': delivery,
      'x-hub-signature-256': signature(body),
    });
    expect(response.status).toBe(200);
    const posted = () =>
      github.requests.filter((request) => request.method === 'POST');
    expect(posted().map((request) => request.path)).not.toContain(
      `${REPO}/issues/12/comments`,
    );
    await app.runner.drain?.();

    const seen = github.requests.map(
      (request) => `${request.method} ${request.path}`,
    );
    expect(seen).toEqual(
      expect.arrayContaining([
        'POST /api/v3/app/installations/4242/access_tokens',
        `GET /_codeload/acme/billing/legacy.tar.gz/${MERGE_BASE}`,
        `GET ${REPO}/tarball/${HEAD}`,
        `POST ${REPO}/issues/12/comments`,
        `PATCH ${REPO}/check-runs/31`,
      ]),
    );
    const comment = github.requests.find(
      (request) =>
        request.method === 'POST' &&
        request.path === `${REPO}/issues/12/comments`,
    );
    expect(comment?.authorization).toBe('token ghs_standin');
    expect(String(comment?.body.body)).toContain('invoices');
    expect(JSON.stringify(lines)).not.toContain('ghs_standin');
    const logged = lines.find(
      (line) => (line.req as { id?: string } | undefined)?.id === delivery,
    );
    expect(logged?.req).toMatchObject({
      headers: { 'x-hub-signature-256': '[redacted]' },
    });
    expect(JSON.stringify(lines)).not.toContain(signature(body));
  });
});
