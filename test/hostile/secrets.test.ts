import { createHmac } from 'node:crypto';
import { createAppLogger } from '../../src/github/create-app-logger.js';
import type { ScalingReportServer } from '../../src/github/create-server.js';
import { createScalingReportServer } from '../../src/github/create-server.js';
import { baseFiles, headAddsQueue } from '../github/helpers/billing-repo.js';
import { buildTarball } from '../github/helpers/build-tarball.js';
import { captureSink } from '../github/helpers/capture-log.js';
import { GitHubStandIn } from '../github/helpers/github-stand-in.js';
import {
  commentPayload,
  pullRequestPayload,
} from '../github/helpers/payloads.js';
import {
  APP_ID,
  TestOctokit,
  testPrivateKey,
} from '../github/helpers/test-app.js';
import { useNock } from '../github/helpers/use-nock.js';

const SECRET = 'whsec-9f8e7d6c5b4a-never-log-me';
const TOKEN = 'ghs_InstallationTokenThatMustNotLeak01';
const CODELOAD_TOKEN = 'AAAAcodeloadSignedToken123';
const HEAD = '6f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6';
const MERGE_BASE = '1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d';
const REPO = '/api/v3/repos/acme/billing';

useNock('127.0.0.1');

const { sink, lines } = captureSink();
let github: GitHubStandIn;
let app: ScalingReportServer;
let url: string;

beforeAll(async () => {
  const base = await buildTarball(baseFiles);
  const head = await buildTarball(headAddsQueue);
  github = new GitHubStandIn()
    .route('POST', '/api/v3/app/installations/4242/access_tokens', () => [
      201,
      {
        token: TOKEN,
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
    .route('GET', `${REPO}/collaborators/bob-reviewer/permission`, () => [
      200,
      { permission: 'write', role_name: 'write' },
    ])
    .route('POST', `${REPO}/issues/comments/2851003377/reactions`, () => [
      201,
      { id: 1 },
    ])
    .route('GET', `${REPO}/pulls/12`, () => [
      200,
      { number: 12, head: { sha: HEAD }, base: { ref: 'main' } },
    ])
    .route('POST', `${REPO}/check-runs`, () => [201, { id: 31 }])
    // A failing write, so errors with request details are logged too.
    .route('PATCH', `${REPO}/check-runs/31`, () => [
      500,
      { message: 'Server Error' },
    ])
    .route('GET', `${REPO}/compare/main...${HEAD}`, () => [
      200,
      { merge_base_commit: { sha: MERGE_BASE } },
    ])
    .route('GET', `${REPO}/tarball/${MERGE_BASE}`, () => [
      302,
      {},
      { location: `/_codeload/base.tar.gz?token=${CODELOAD_TOKEN}` },
    ])
    .route('GET', '/_codeload/base.tar.gz', () => [200, base])
    .route('GET', `${REPO}/tarball/${HEAD}`, () => [200, head])
    .route('GET', `${REPO}/issues/12/comments`, () => [200, []])
    .route('POST', `${REPO}/issues/12/comments`, (_req, body) => [
      201,
      { id: 5, ...body },
    ]);
  const { host } = await github.listen();

  app = await createScalingReportServer({
    appId: APP_ID,
    privateKey: testPrivateKey(),
    webhookSecret: SECRET,
    baseUrl: `http://${host}/api/v3`,
    host: '127.0.0.1',
    port: 0,
    log: createAppLogger({ level: 'trace', destination: sink }),
    Octokit: TestOctokit,
  });
  url = `http://127.0.0.1:${(await app.start()).port}/api/github/webhooks`;
});

afterAll(async () => {
  await app.stop();
  await github.close();
});

async function deliver(
  event: string,
  id: string,
  payload: unknown,
): Promise<string> {
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-github-event': event,
      'x-github-delivery': id,
      'x-hub-signature-256': signature,
    },
    body,
  });
  expect(response.status).toBe(200);
  await app.runner.drain?.();
  return signature;
}

describe('secrets in the logs of the webhook-to-comment flow', () => {
  it('logs neither tokens, the private key, the webhook secret nor signatures', async () => {
    const signatures = [
      await deliver(
        'pull_request',
        'secret-pr',
        pullRequestPayload('opened', { headSha: HEAD }),
      ),
      await deliver(
        'issue_comment',
        'secret-cmd',
        commentPayload('/scaling-report'),
      ),
    ];
    const jwt = github.requests.find((r) =>
      r.path.endsWith('/access_tokens'),
    )?.authorization;
    const keyLines = testPrivateKey()
      .split('\n')
      .filter((line) => line.length > 40);

    const logged = lines.map((line) => JSON.stringify(line)).join('\n');

    // The flow really ran and logged at trace level, failures included.
    expect(
      github.requests.filter(
        (r) => r.method === 'POST' && r.path.endsWith('/comments'),
      ),
    ).toHaveLength(2);
    expect(lines.length).toBeGreaterThan(10);
    expect(logged).toContain('check run could not be completed');
    expect(jwt).toMatch(/^bearer /i);
    for (const secret of [
      TOKEN,
      CODELOAD_TOKEN,
      SECRET,
      ...signatures,
      ...keyLines,
    ]) {
      expect({
        leaked: logged.includes(secret),
        secret: secret.slice(0, 12),
      }).toEqual({
        leaked: false,
        secret: secret.slice(0, 12),
      });
    }
    expect(logged).not.toContain(String(jwt).split(' ')[1]);
  });
});

describe('createAppLogger redaction', () => {
  it.each([
    [
      'an authorization header',
      { req: { headers: { authorization: `token ${TOKEN}` } } },
    ],
    [
      'a signature header',
      { req: { headers: { 'x-hub-signature-256': 'sha256=abc123secret' } } },
    ],
    ['a token', { token: TOKEN }],
    ['a nested token', { installation: { token: TOKEN } }],
    ['the private key', { privateKey: testPrivateKey() }],
    ['the webhook secret', { webhookSecret: SECRET }],
    ['a nested secret', { options: { secret: SECRET } }],
    [
      'an error carrying a request',
      { err: { request: { headers: { authorization: `bearer ${TOKEN}` } } } },
    ],
    [
      'an error carrying a response',
      { err: { response: { headers: { authorization: `token ${TOKEN}` } } } },
    ],
    [
      'a signed archive address',
      {
        err: {
          response: {
            url: `https://codeload.github.com/x?token=${CODELOAD_TOKEN}`,
          },
        },
      },
    ],
  ])('censors %s', (_name, object) => {
    const capture = captureSink();
    const log = createAppLogger({ level: 'info', destination: capture.sink });

    log.info(object, 'message');

    const text = JSON.stringify(capture.lines);
    expect(text).toContain('[redacted]');
    for (const secret of [
      TOKEN,
      SECRET,
      CODELOAD_TOKEN,
      'abc123secret',
      testPrivateKey(),
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});
