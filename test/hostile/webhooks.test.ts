import { createHmac } from 'node:crypto';
import { createAppLogger } from '../../src/github/create-app-logger.js';
import type { ScalingReportServer } from '../../src/github/create-server.js';
import { createScalingReportServer } from '../../src/github/create-server.js';
import type { AnalysisJob } from '../../src/runner/analysis-job.js';
import type { AnalysisRunner } from '../../src/runner/analysis-runner.js';
import { captureSink } from '../github/helpers/capture-log.js';
import { GitHubApiMock } from '../github/helpers/github-api-mock.js';
import {
  commentPayload,
  pullRequestPayload,
} from '../github/helpers/payloads.js';
import {
  APP_ID,
  createTestApp,
  TestOctokit,
  testPrivateKey,
} from '../github/helpers/test-app.js';
import { useNock } from '../github/helpers/use-nock.js';

const SECRET = 'webhook-secret-for-hostile-tests';
const HEAD = '6f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6';

useNock('127.0.0.1');

/** A runner that only records what it was given. */
class RecordingRunner implements AnalysisRunner {
  readonly jobs: AnalysisJob[] = [];

  enqueue(job: AnalysisJob): Promise<void> {
    this.jobs.push(job);
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function sign(body: string, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

describe('webhook deliveries over HTTP', () => {
  const runner = new RecordingRunner();
  const { sink, lines } = captureSink();
  let server: ScalingReportServer;
  let url: string;

  beforeAll(async () => {
    server = await createScalingReportServer({
      appId: APP_ID,
      privateKey: testPrivateKey(),
      webhookSecret: SECRET,
      host: '127.0.0.1',
      port: 0,
      log: createAppLogger({ level: 'info', destination: sink }),
      app: { runner, appSlug: 'scaling-report' },
      Octokit: TestOctokit,
    });
    const { port } = await server.start();
    url = `http://127.0.0.1:${port}/api/github/webhooks`;
  });

  afterAll(() => server.stop());
  beforeEach(() => {
    runner.jobs.length = 0;
  });

  function post(
    body: string,
    headers: Record<string, string>,
  ): Promise<Response> {
    return fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  }

  const payload = JSON.stringify(
    pullRequestPayload('opened', { headSha: HEAD }),
  );
  const event = { 'x-github-event': 'pull_request' };

  it.each<[string, string, Record<string, string>]>([
    ['no signature', payload, { ...event, 'x-github-delivery': 'h1' }],
    [
      'a signature made with another secret',
      payload,
      {
        ...event,
        'x-github-delivery': 'h2',
        'x-hub-signature-256': sign(payload, 'guess'),
      },
    ],
    [
      'a signature of another body',
      payload,
      {
        ...event,
        'x-github-delivery': 'h3',
        'x-hub-signature-256': sign(`${payload} `),
      },
    ],
    [
      'a malformed signature header',
      payload,
      {
        ...event,
        'x-github-delivery': 'h4',
        'x-hub-signature-256': 'sha256=zz',
      },
    ],
    [
      'only the legacy SHA-1 signature',
      payload,
      { ...event, 'x-github-delivery': 'h5', 'x-hub-signature': 'sha1=0000' },
    ],
    [
      'malformed JSON, correctly signed',
      '{"action":"opened",',
      {
        ...event,
        'x-github-delivery': 'h6',
        'x-hub-signature-256': sign('{"action":"opened",'),
      },
    ],
    [
      'a signed body that is not an object',
      '"opened"',
      {
        ...event,
        'x-github-delivery': 'h7',
        'x-hub-signature-256': sign('"opened"'),
      },
    ],
    [
      'no event name',
      payload,
      { 'x-github-delivery': 'h8', 'x-hub-signature-256': sign(payload) },
    ],
    [
      'no delivery id',
      payload,
      { ...event, 'x-hub-signature-256': sign(payload) },
    ],
  ])('refuses %s and enqueues nothing', async (_name, body, headers) => {
    const response = await post(body, headers);

    expect(response.ok).toBe(false);
    expect(runner.jobs).toEqual([]);
  });

  it('still serves a good delivery after the bad ones, and logs no unhandled error', async () => {
    const response = await post(payload, {
      ...event,
      'x-github-delivery': 'good-1',
      'x-hub-signature-256': sign(payload),
    });

    expect(response.status).toBe(200);
    expect(runner.jobs).toMatchObject([
      { kind: 'pr', headSha: HEAD, deliveryId: 'good-1' },
    ]);
    expect(lines.filter((line) => Number(line.level) >= 60)).toEqual([]);
  });

  it('does nothing twice for a replayed delivery id', async () => {
    const headers = {
      ...event,
      'x-github-delivery': 'replayed',
      'x-hub-signature-256': sign(payload),
    };

    for (let i = 0; i < 3; i++) {
      expect((await post(payload, headers)).status).toBe(200);
    }

    expect(runner.jobs).toHaveLength(1);
  });
});

describe('events that lead nowhere end cleanly', () => {
  it.each([
    ['a closed pull request', { state: 'closed' }],
    ['a draft', { draft: true }],
  ])('%s: no job, no request', async (_name, change) => {
    const runner = new RecordingRunner();
    const { deliver } = await createTestApp({ runner });
    const event = pullRequestPayload('opened', { headSha: HEAD });
    Object.assign(event.pull_request, change);

    await deliver('pull_request', `closed-${_name}`, event);

    expect(runner.jobs).toEqual([]);
  });

  it('an event without an installation: no job, no request', async () => {
    const runner = new RecordingRunner();
    const { deliver } = await createTestApp({ runner });
    const event = pullRequestPayload('opened', { headSha: HEAD });
    delete (event as { installation?: unknown }).installation;

    await deliver('pull_request', 'no-installation', event);
    await deliver(
      'issue_comment',
      'no-installation-c',
      (() => {
        const comment = commentPayload('/scaling-report');
        delete (comment as { installation?: unknown }).installation;
        return comment;
      })(),
    );

    expect(runner.jobs).toEqual([]);
  });

  it('an unknown or uninstalled installation: a bounded number of tries, logged, nothing posted', async () => {
    const { deliver, lines } = await createTestApp();
    const api = new GitHubApiMock();
    let tokenRequests = 0;
    api.scope
      .post('/app/installations/4242/access_tokens')
      .times(4)
      .reply(() => {
        tokenRequests++;
        return [404, { message: 'Not Found' }];
      });

    await deliver(
      'pull_request',
      'gone-install',
      pullRequestPayload('opened', { headSha: HEAD }),
    );

    // Config, check run, analysis, check run again: each step tries once, none loops.
    expect(tokenRequests).toBe(4);
    expect(api.calls).toEqual([]);
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'pull request could not be analyzed',
        deliveryId: 'gone-install',
      }),
    );
  });

  it('a deleted repository: defaults, an unavailable check, nothing half-posted', async () => {
    const { deliver, lines } = await createTestApp();
    const api = new GitHubApiMock().installationToken().config();
    const repo = '/repos/acme/billing';
    api.scope
      .post(`${repo}/check-runs`)
      .times(2)
      .reply(404, { message: 'Not Found' });
    api.scope
      .get(`${repo}/compare/main...${HEAD}`)
      .query(true)
      .reply(404, { message: 'Not Found' });

    await deliver(
      'pull_request',
      'gone-repo',
      pullRequestPayload('opened', { headSha: HEAD }),
    );

    expect(api.written('POST', '/issues/12/comments')).toEqual([]);
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'pull request could not be analyzed',
        deliveryId: 'gone-repo',
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'check run could not be completed',
        deliveryId: 'gone-repo',
      }),
    );
  });
});
