import { COMMENT_MARKER } from '../../src/render/comment/render-comment.js';
import { refusalReply, usageReply } from '../../src/github/command-replies.js';
import { baseFiles, headAddsQueue } from './helpers/billing-repo.js';
import { buildTarball } from './helpers/build-tarball.js';
import { GitHubApiMock } from './helpers/github-api-mock.js';
import { commentPayload, loadPayload } from './helpers/payloads.js';
import type { CommentPayload, PullRequestPayload } from './helpers/payloads.js';
import { createTestApp } from './helpers/test-app.js';
import { unmatchedRequests, useNock } from './helpers/use-nock.js';

const HEAD = '6f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6';
const MERGE_BASE = '1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d';
const COMMENT_ID = 2851003377;

useNock();

/** A repository whose report cannot fit in one comment: many queues, each cited. */
function manyQueues(count: number): Record<string, string> {
  const files: Record<string, string> = { ...baseFiles };
  for (let file = 0; file < count / 20; file++) {
    const lines = Array.from({ length: 20 }, (_, i) => {
      const name = `tenant-${file}-${i}-exports`;
      const options = `{ connection, defaultJobOptions: { attempts: ${i + 1} } }`;
      return `export const q${i} = new Queue('${name}', ${options});`;
    });
    const imports =
      "import { Queue } from 'bullmq';\nimport { connection } from '../redis';";
    files[`src/tenants/tenant-${file}.ts`] =
      `${imports}\n\n${lines.join('\n')}\n`;
  }
  return files;
}

/** The requests every command costs before the analysis: token, config, permission. */
function mockAuthorized(
  api: GitHubApiMock,
  permission = 'write',
): GitHubApiMock {
  return api
    .installationToken()
    .config()
    .permission('bob-reviewer', permission);
}

describe('/scaling-report', () => {
  it('acknowledges a writer with a reaction and replies with the report of the head', async () => {
    const { deliver } = await createTestApp();
    const api = mockAuthorized(new GitHubApiMock()).reaction(COMMENT_ID);
    api
      .pull(HEAD)
      .config()
      .tarball(HEAD, await buildTarball(headAddsQueue))
      .createComment(9100);

    await deliver(
      'issue_comment',
      'delivery-c1',
      commentPayload('/scaling-report'),
    );

    expect(
      api.written('POST', `/comments/${COMMENT_ID}/reactions`)[0]?.body,
    ).toEqual({
      content: 'eyes',
    });
    const body = String(
      api.written('POST', '/issues/12/comments')[0]?.body.body,
    );
    expect(
      body.startsWith(
        'Architecture report for `6f1e2d3`, requested by @bob-reviewer.',
      ),
    ).toBe(true);
    expect(body).toContain('invoices');
    expect(body).toContain(
      `https://github.com/acme/billing/blob/${HEAD}/src/queues/invoices.ts`,
    );
    expect(body).not.toContain(COMMENT_MARKER);
  });

  it('replies to `diff` with the diff, without the sticky marker', async () => {
    const { deliver } = await createTestApp();
    const api = mockAuthorized(new GitHubApiMock()).reaction(COMMENT_ID);
    api
      .pull(HEAD)
      .config()
      .compare('main', HEAD, MERGE_BASE)
      .tarball(MERGE_BASE, await buildTarball(baseFiles))
      .tarball(HEAD, await buildTarball(headAddsQueue))
      .createComment(9100);

    await deliver(
      'issue_comment',
      'delivery-c2',
      commentPayload('/scaling-report diff'),
    );

    const body = String(
      api.written('POST', '/issues/12/comments')[0]?.body.body,
    );
    expect(body.startsWith('Diff requested by @bob-reviewer.')).toBe(true);
    expect(body).toContain('job-retention-missing');
    expect(body).not.toContain(COMMENT_MARKER);
  });

  it('cuts a report too large for one comment to GitHub’s limit and says so', async () => {
    const { deliver } = await createTestApp();
    const api = mockAuthorized(new GitHubApiMock()).reaction(COMMENT_ID);
    api
      .pull(HEAD)
      .config()
      .tarball(HEAD, await buildTarball(manyQueues(600)))
      .createComment(9100);

    await deliver(
      'issue_comment',
      'delivery-c3',
      commentPayload('/scaling-report'),
    );

    const body = String(
      api.written('POST', '/issues/12/comments')[0]?.body.body,
    );
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.length).toBeGreaterThan(60_000);
    expect(body).toContain('tenant-0-0-exports');
    expect(body.trimEnd().endsWith('prints all of it._')).toBe(true);
  });

  it('politely refuses someone without write access and queues nothing', async () => {
    const { deliver } = await createTestApp();
    const api = mockAuthorized(new GitHubApiMock(), 'read').createComment(9100);

    await deliver(
      'issue_comment',
      'delivery-c4',
      commentPayload('/scaling-report'),
    );

    expect(
      api.calls.map((call) => [call.method, call.path, call.body.body]),
    ).toEqual([
      [
        'POST',
        '/repos/acme/billing/issues/12/comments',
        refusalReply('bob-reviewer', 'write'),
      ],
    ]);
  });

  it('answers an unknown argument with the usage', async () => {
    const { deliver } = await createTestApp();
    const api = mockAuthorized(new GitHubApiMock()).createComment(9100);

    await deliver(
      'issue_comment',
      'delivery-c5',
      commentPayload('/scaling-report everything'),
    );

    expect(api.written('POST', '/issues/12/comments')[0]?.body.body).toBe(
      usageReply('everything'),
    );
  });

  it('lets anyone run it when the config says so, without asking for their role', async () => {
    const { deliver } = await createTestApp();
    const api = new GitHubApiMock()
      .installationToken()
      .config('commandPermission: anyone\n');
    api.createComment(9100);

    await deliver(
      'issue_comment',
      'delivery-c6',
      commentPayload('/scaling-report help'),
    );

    expect(api.written('POST', '/issues/12/comments')[0]?.body.body).toBe(
      usageReply('help'),
    );
  });

  it.each([
    ['our own app', { login: 'scaling-report[bot]', type: 'Bot' as const }],
    ['another bot', { login: 'renovate[bot]', type: 'Bot' as const }],
    [
      'a bot account typed as a user',
      { login: 'deploy-helper[bot]', type: 'User' as const },
    ],
  ])(
    'ignores a command written by %s without any request',
    async (_label, author) => {
      const { deliver, lines } = await createTestApp();

      await deliver(
        'issue_comment',
        'delivery-b',
        commentPayload('/scaling-report', author),
      );

      expect(
        lines.filter((line) => String(line.msg).startsWith('GitHub request')),
      ).toEqual([]);
    },
  );

  it.each([
    [
      'an edited comment',
      commentPayload('/scaling-report', undefined, 'edited'),
    ],
    [
      'a quoted command',
      commentPayload('> /scaling-report\n\nShould I run this?'),
    ],
    [
      'a command in a code block',
      commentPayload('Try:\n```\n/scaling-report\n```'),
    ],
    [
      'a comment on an issue',
      withoutPullRequest(commentPayload('/scaling-report')),
    ],
  ])('ignores %s without any request', async (_label, payload) => {
    const { deliver } = await createTestApp();

    await deliver('issue_comment', 'delivery-i', payload);

    expect(unmatchedRequests()).toEqual([]);
  });

  it('ignores pull request events for closed pull requests', async () => {
    const { deliver } = await createTestApp();
    const payload = loadPayload<PullRequestPayload>('pull_request.reopened');
    payload.pull_request.state = 'closed';

    await deliver('pull_request', 'delivery-closed', payload);

    expect(unmatchedRequests()).toEqual([]);
  });
});

function withoutPullRequest(payload: CommentPayload): CommentPayload {
  delete (payload.issue as { pull_request?: unknown }).pull_request;
  return payload;
}
