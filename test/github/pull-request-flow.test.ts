import {
  COMMENT_MARKER,
  renderResolvedComment,
} from '../../src/render/comment/render-comment.js';
import {
  baseFiles,
  headAddsQueue,
  headBackToBase,
  headFormatsMoney,
  headTrimsCompleted,
} from './helpers/billing-repo.js';
import { buildTarball } from './helpers/build-tarball.js';
import { GitHubApiMock } from './helpers/github-api-mock.js';
import { loadPayload, pullRequestPayload } from './helpers/payloads.js';
import type { CheckRunPayload } from './helpers/payloads.js';
import { APP_SLUG, createTestApp } from './helpers/test-app.js';
import { useNock } from './helpers/use-nock.js';

const MERGE_BASE = '1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d';
const HEAD_1 = '6f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6';
const HEAD_2 = '7a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d';
const HEAD_3 = '8b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e';
const BOT = `${APP_SLUG}[bot]`;
const BLOB = 'https://github.com/acme/billing/blob';

useNock();

const archives: Record<string, Buffer> = {};
beforeAll(async () => {
  archives.base = await buildTarball(baseFiles);
  archives.addsQueue = await buildTarball(headAddsQueue);
  archives.trimsCompleted = await buildTarball(headTrimsCompleted);
  archives.backToBase = await buildTarball(headBackToBase);
  archives.formatsMoney = await buildTarball(headFormatsMoney);
});

/** The requests one push costs up to the comment: config, check run, merge base, archives. */
function mockAnalysis(
  api: GitHubApiMock,
  headSha: string,
  head: Buffer,
  config?: string,
): void {
  api
    .config(config)
    .createCheckRun(501)
    .compare('main', headSha, MERGE_BASE)
    .tarball(MERGE_BASE, archives.base!)
    .tarball(headSha, head);
}

function allClearBody(headSha: string): string {
  return renderResolvedComment({
    baseSha: MERGE_BASE,
    headSha,
    linkBase: { base: `${BLOB}/${MERGE_BASE}`, head: `${BLOB}/${headSha}` },
    notes: [],
    maxLength: 65_536,
  });
}

describe('pull request pushes', () => {
  it('comments and annotates the first push that touches the architecture', async () => {
    const { deliver } = await createTestApp();
    const api = new GitHubApiMock().installationToken().app();
    mockAnalysis(api, HEAD_1, archives.addsQueue!);
    api.comments([]).createComment(9001).updateCheckRun(501);

    await deliver(
      'pull_request',
      'delivery-1',
      pullRequestPayload('opened', { headSha: HEAD_1 }),
    );

    const [comment] = api.written('POST', '/issues/12/comments');
    const body = String(comment?.body.body);
    expect(body.startsWith(COMMENT_MARKER)).toBe(true);
    expect(body).toContain('invoices');
    expect(body).toContain('job-retention-missing');
    expect(body).toContain(`${BLOB}/${HEAD_1}/src/queues/invoices.ts`);

    const [started] = api.written('POST', '/check-runs');
    expect(started?.body).toMatchObject({
      name: 'Scaling report',
      head_sha: HEAD_1,
      status: 'in_progress',
    });
    const [completed] = api.written('PATCH', '/check-runs/501');
    expect(completed?.body).toMatchObject({
      status: 'completed',
      conclusion: 'neutral',
    });
    const output = completed?.body.output as {
      annotations: Record<string, unknown>[];
    };
    expect(output.annotations).toContainEqual(
      expect.objectContaining({
        path: 'src/queues/invoices.ts',
        title: 'job-retention-missing',
        annotation_level: 'warning',
      }),
    );
  });

  it('edits the same comment when a later push changes a finding', async () => {
    const { deliver } = await createTestApp();
    const api = new GitHubApiMock().installationToken().app();
    mockAnalysis(api, HEAD_1, archives.addsQueue!);
    api.comments([]).createComment(9001).updateCheckRun(501);
    await deliver(
      'pull_request',
      'delivery-1',
      pullRequestPayload('opened', { headSha: HEAD_1 }),
    );
    const first = String(
      api.written('POST', '/issues/12/comments')[0]?.body.body,
    );

    mockAnalysis(api, HEAD_2, archives.trimsCompleted!);
    api
      .comments([{ id: 9001, body: first, login: BOT }])
      .updateComment(9001)
      .updateCheckRun(501);
    await deliver(
      'pull_request',
      'delivery-2',
      pullRequestPayload('synchronize', { headSha: HEAD_2 }),
    );

    expect(api.written('POST', '/issues/12/comments')).toHaveLength(1);
    const [edited] = api.written('PATCH', '/issues/comments/9001');
    const body = String(edited?.body.body);
    expect(body).not.toBe(first);
    expect(body).toContain('invoices');
    expect(body).toContain('removeOnFail');
    expect(body).toContain(HEAD_2.slice(0, 7));
  });

  it('turns the comment into the all-clear when a push resolves every finding', async () => {
    const { deliver } = await createTestApp();
    const api = new GitHubApiMock().installationToken().app();
    mockAnalysis(api, HEAD_3, archives.backToBase!);
    const stale = `${COMMENT_MARKER}\n**Scaling report**: 2 findings on \`invoices\`.`;
    api
      .comments([{ id: 9001, body: stale, login: BOT }])
      .updateComment(9001)
      .updateCheckRun(501);

    await deliver(
      'pull_request',
      'delivery-3',
      pullRequestPayload('synchronize', { headSha: HEAD_3 }),
    );

    const [edited] = api.written('PATCH', '/issues/comments/9001');
    expect(edited?.body.body).toBe(allClearBody(HEAD_3));
    expect(api.written('PATCH', '/check-runs/501')[0]?.body).toMatchObject({
      conclusion: 'success',
      output: { title: 'No architecture change', annotations: [] },
    });
  });

  it('stays silent on a pull request that never touched the architecture', async () => {
    const { deliver } = await createTestApp();
    const api = new GitHubApiMock().installationToken().app();
    mockAnalysis(api, HEAD_1, archives.formatsMoney!);
    api.comments([]).updateCheckRun(501);

    await deliver(
      'pull_request',
      'delivery-1',
      pullRequestPayload('opened', { headSha: HEAD_1 }),
    );

    expect(api.written('POST', '/issues/12/comments')).toEqual([]);
    const [completed] = api.written('PATCH', '/check-runs/501');
    expect(completed?.body).toMatchObject({
      status: 'completed',
      conclusion: 'success',
    });
    const output = completed?.body.output as { summary: string };
    expect(output.summary).toContain(
      `merge base \`${MERGE_BASE.slice(0, 7)}\``,
    );
    expect(output.summary).toContain('Fail level `none`');
  });

  it('sends nothing when the comment already says what it should', async () => {
    const { deliver } = await createTestApp();
    const api = new GitHubApiMock().installationToken().app();
    mockAnalysis(api, HEAD_3, archives.backToBase!);
    api
      .comments([{ id: 9001, body: allClearBody(HEAD_3), login: BOT }])
      .updateCheckRun(501);

    await deliver(
      'pull_request',
      'delivery-3',
      pullRequestPayload('synchronize', { headSha: HEAD_3 }),
    );

    expect(api.calls.filter((call) => call.path.includes('/comments'))).toEqual(
      [],
    );
  });

  it('posts one comment for a redelivery and for a second event on the same head', async () => {
    const { deliver, lines } = await createTestApp();
    const api = new GitHubApiMock().installationToken().app();
    mockAnalysis(api, HEAD_1, archives.addsQueue!);
    api.comments([]).createComment(9001).updateCheckRun(501);
    const payload = pullRequestPayload('opened', { headSha: HEAD_1 });

    await deliver('pull_request', 'delivery-1', payload);
    await deliver('pull_request', 'delivery-1', payload);
    await deliver(
      'pull_request',
      'delivery-2',
      pullRequestPayload('reopened', { headSha: HEAD_1 }),
    );

    expect(api.written('POST', '/issues/12/comments')).toHaveLength(1);
    expect(api.written('POST', '/check-runs')).toHaveLength(1);
    const messages = lines.map((line) => line.msg);
    expect(messages).toContain('delivery already handled');
    expect(messages).toContain('duplicate job dropped');
  });

  it('still analyzes with an invalid config and says what is wrong and where', async () => {
    const { deliver } = await createTestApp();
    const api = new GitHubApiMock().installationToken().app();
    const config = 'comment:\n  mode: update\nfailLevel: fatal\n';
    mockAnalysis(api, HEAD_1, archives.addsQueue!, config);
    api.comments([]).createComment(9001).updateCheckRun(501);

    await deliver(
      'pull_request',
      'delivery-1',
      pullRequestPayload('opened', { headSha: HEAD_1 }),
    );

    const problem =
      '`.github/scaling-report.yml` line 3: `failLevel` must be one of none';
    const [completed] = api.written('PATCH', '/check-runs/501');
    expect((completed?.body.output as { summary: string }).summary).toContain(
      problem,
    );
    expect(completed?.body.conclusion).toBe('neutral');
    const [comment] = api.written('POST', '/issues/12/comments');
    expect(String(comment?.body.body)).toContain(problem);
    expect(String(comment?.body.body)).toContain('invoices');
  });

  it('waits for a draft to be ready for review', async () => {
    const { deliver } = await createTestApp();

    await deliver(
      'pull_request',
      'delivery-1',
      pullRequestPayload('opened', { headSha: HEAD_1, draft: true }),
    );

    const api = new GitHubApiMock().installationToken().app();
    mockAnalysis(api, HEAD_1, archives.formatsMoney!);
    api.comments([]).updateCheckRun(501);
    await deliver(
      'pull_request',
      'delivery-2',
      pullRequestPayload('ready_for_review', { headSha: HEAD_1 }),
    );
    expect(api.written('PATCH', '/check-runs/501')[0]?.body.conclusion).toBe(
      'success',
    );
  });

  it('hides the old comment as outdated and posts a new one in recreate mode', async () => {
    const { deliver } = await createTestApp();
    const api = new GitHubApiMock().installationToken().app();
    mockAnalysis(
      api,
      HEAD_3,
      archives.backToBase!,
      'comment:\n  mode: recreate\n',
    );
    const stale = `${COMMENT_MARKER}\nold findings`;
    api
      .comments([{ id: 9001, body: stale, login: BOT }])
      .minimize()
      .createComment(9002);
    api.updateCheckRun(501);

    await deliver(
      'pull_request',
      'delivery-3',
      pullRequestPayload('synchronize', { headSha: HEAD_3 }),
    );

    const [minimized] = api.written('POST', '/graphql');
    expect(minimized?.body).toMatchObject({
      variables: { id: 'IC_kwDOKbxZOc9001' },
    });
    expect(String(minimized?.body.query)).toContain('classifier: OUTDATED');
    expect(api.written('POST', '/issues/12/comments')[0]?.body.body).toBe(
      allClearBody(HEAD_3),
    );
  });

  it("leaves alone a comment that carries the marker but is not the app's", async () => {
    const { deliver } = await createTestApp();
    const api = new GitHubApiMock().installationToken().app();
    mockAnalysis(api, HEAD_3, archives.backToBase!);
    api.comments([
      { id: 7000, body: `quoting ${COMMENT_MARKER}`, login: 'mallory' },
    ]);
    api.updateCheckRun(501);

    await deliver(
      'pull_request',
      'delivery-3',
      pullRequestPayload('synchronize', { headSha: HEAD_3 }),
    );

    expect(api.calls.filter((call) => call.path.includes('/comments'))).toEqual(
      [],
    );
  });

  it('re-runs the analysis when the check run is re-requested', async () => {
    const { deliver } = await createTestApp();
    const api = new GitHubApiMock().installationToken().app();
    mockAnalysis(api, HEAD_1, archives.formatsMoney!);
    api.comments([]).updateCheckRun(501);

    await deliver(
      'check_run',
      'delivery-9',
      loadPayload<CheckRunPayload>('check_run.rerequested'),
    );

    expect(api.written('POST', '/check-runs')[0]?.body).toMatchObject({
      head_sha: HEAD_1,
    });
    expect(api.written('PATCH', '/check-runs/501')[0]?.body.status).toBe(
      'completed',
    );
  });

  it('completes the check run as neutral, naming the limit, when over a limit', async () => {
    const { deliver, lines } = await createTestApp({ limits: { maxFiles: 2 } });
    const api = new GitHubApiMock().installationToken().app();
    api
      .config()
      .createCheckRun(501)
      .compare('main', HEAD_1, MERGE_BASE)
      .tarball(MERGE_BASE, archives.base!)
      .updateCheckRun(501)
      .comments([])
      .createComment(9001);

    await deliver(
      'pull_request',
      'delivery-1',
      pullRequestPayload('opened', { headSha: HEAD_1 }),
    );

    const [completed] = api.written('PATCH', '/check-runs/501');
    expect(completed?.body).toMatchObject({
      conclusion: 'neutral',
      output: { title: 'Analysis unavailable' },
    });
    const summary = (completed?.body.output as { summary: string }).summary;
    expect(summary).toContain('`maxFiles`');
    expect(summary).toContain('SCALING_REPORT_MAX_FILES');
    const comment = String(
      api.written('POST', '/issues/12/comments')[0]?.body.body,
    );
    expect(comment.startsWith(COMMENT_MARKER)).toBe(true);
    expect(comment).toContain('`maxFiles`');
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'pull request could not be analyzed',
        deliveryId: 'delivery-1',
        repo: 'acme/billing',
        pr: 12,
        headSha: HEAD_1,
      }),
    );
  });
});
