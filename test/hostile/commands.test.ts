import { CommandCooldown } from '../../src/github/command-cooldown.js';
import { refusalReply } from '../../src/github/command-replies.js';
import { parseCommand } from '../../src/github/parse-command.js';
import type { AnalysisJob } from '../../src/runner/analysis-job.js';
import type { AnalysisRunner } from '../../src/runner/analysis-runner.js';
import { GitHubApiMock } from '../github/helpers/github-api-mock.js';
import { commentPayload } from '../github/helpers/payloads.js';
import { createTestApp } from '../github/helpers/test-app.js';
import { useNock } from '../github/helpers/use-nock.js';

const COMMENT_ID = 2851003377;

useNock();

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

describe('commands from people without the permission', () => {
  it.each(['read', 'triage', 'none'])(
    'a %s user gets one refusal, no reaction and no job',
    async (permission) => {
      const runner = new RecordingRunner();
      const { deliver } = await createTestApp({ runner });
      const api = new GitHubApiMock()
        .installationToken()
        .config()
        .permission('bob-reviewer', permission)
        .createComment(9100);

      await deliver(
        'issue_comment',
        `perm-${permission}`,
        commentPayload('/scaling-report diff'),
      );

      expect(runner.jobs).toEqual([]);
      expect(
        api.calls.map((call) => [call.method, call.path, call.body.body]),
      ).toEqual([
        [
          'POST',
          '/repos/acme/billing/issues/12/comments',
          refusalReply('bob-reviewer', 'write'),
        ],
      ]);
    },
  );

  it('an outside contributor (404 on the permission) is refused the same way', async () => {
    const runner = new RecordingRunner();
    const { deliver } = await createTestApp({ runner });
    const api = new GitHubApiMock()
      .installationToken()
      .config()
      .createComment(9100);
    api.scope
      .get('/repos/acme/billing/collaborators/bob-reviewer/permission')
      .reply(404, { message: 'Not Found' });

    await deliver(
      'issue_comment',
      'perm-outside',
      commentPayload('/scaling-report'),
    );

    expect(runner.jobs).toEqual([]);
    expect(api.written('POST', '/issues/12/comments')).toHaveLength(1);
  });
});

describe('the per-pull-request cooldown', () => {
  it('stops one person spamming the command: two answered, the rest cost nothing', async () => {
    const runner = new RecordingRunner();
    const { deliver, lines } = await createTestApp({ runner });
    const api = new GitHubApiMock().installationToken();
    for (let i = 0; i < 2; i++) {
      api.config().permission('bob-reviewer', 'write').reaction(COMMENT_ID);
    }

    for (let i = 0; i < 6; i++) {
      await deliver(
        'issue_comment',
        `spam-${i}`,
        commentPayload('/scaling-report'),
      );
    }

    expect(runner.jobs).toHaveLength(2);
    expect(
      lines.filter((line) => line.msg === 'command ignored: cooldown'),
    ).toHaveLength(4);
  });

  it('stops an unauthorized spammer after two refusals', async () => {
    const { deliver } = await createTestApp();
    const api = new GitHubApiMock().installationToken();
    for (let i = 0; i < 2; i++) {
      api
        .config()
        .permission('bob-reviewer', 'read')
        .createComment(9100 + i);
    }

    for (let i = 0; i < 10; i++) {
      await deliver(
        'issue_comment',
        `refused-${i}`,
        commentPayload('/scaling-report'),
      );
    }

    expect(api.written('POST', '/issues/12/comments')).toHaveLength(2);
  });

  it('counts per person and per pull request, and forgets after the window', () => {
    let now = 0;
    const cooldown = new CommandCooldown({
      windowMs: 1000,
      perSender: 1,
      perPullRequest: 2,
      now: () => now,
    });

    expect(cooldown.take('acme/billing#12', 'ann')).toBe(true);
    expect(cooldown.take('acme/billing#12', 'ann')).toBe(false);
    expect(cooldown.take('acme/billing#12', 'bob')).toBe(true);
    expect(cooldown.take('acme/billing#12', 'cy')).toBe(false);
    expect(cooldown.take('acme/billing#13', 'ann')).toBe(true);
    now = 1000;
    expect(cooldown.take('acme/billing#12', 'ann')).toBe(true);
  });

  it('remembers a bounded number of pull requests', () => {
    const cooldown = new CommandCooldown({ perSender: 1, maxTracked: 2 });

    expect(cooldown.take('a#1', 'ann')).toBe(true);
    expect(cooldown.take('a#2', 'ann')).toBe(true);
    expect(cooldown.take('a#3', 'ann')).toBe(true);
    // a#1 was forgotten first, so it counts afresh.
    expect(cooldown.take('a#1', 'ann')).toBe(true);
    expect(cooldown.take('a#3', 'ann')).toBe(false);
  });
});

describe('commands that must not trigger', () => {
  it.each([
    ['a quoted reply', '> /scaling-report\n\nAgreed, let us run it later.'],
    ['a nested quote', '> > /scaling-report'],
    ['a fenced code block', 'Try:\n```\n/scaling-report\n```'],
    ['a tilde fence', '~~~md\n/scaling-report diff\n~~~'],
    ['an unclosed fence', '```\n/scaling-report'],
    ['indented code', '    /scaling-report'],
    ['a tab-indented line', '\t/scaling-report'],
    ['inline code', 'Run `/scaling-report` to see it.'],
    ['mid-sentence', 'please /scaling-report'],
    ['an HTML comment', '<!--\n/scaling-report\n-->'],
    ['a one-line HTML comment', '<!-- /scaling-report -->'],
    ['a longer command name', '/scaling-reports'],
  ])('%s', (_name, body) => {
    expect(parseCommand(body)).toBeUndefined();
  });

  it.each([
    [
      'after a closed fence',
      '```\ncode\n```\n/scaling-report',
      { kind: 'report' },
    ],
    [
      'after a closed HTML comment',
      '<!-- note -->\n/scaling-report diff',
      { kind: 'diff' },
    ],
    ['with CRLF line ends', 'Hi\r\n/scaling-report diff\r\n', { kind: 'diff' }],
  ])('still runs %s', (_name, body, command) => {
    expect(parseCommand(body)).toEqual(command);
  });
});

describe('no loops with bots', () => {
  it.each([
    ['our own app', { login: 'scaling-report[bot]', type: 'Bot' as const }],
    ['another bot', { login: 'dependabot[bot]', type: 'Bot' as const }],
    [
      'a bot typed as a user',
      { login: 'ci-helper[bot]', type: 'User' as const },
    ],
  ])('ignores %s without a request', async (_name, author) => {
    const runner = new RecordingRunner();
    const { deliver } = await createTestApp({ runner });

    await deliver(
      'issue_comment',
      `bot-${author.login}`,
      commentPayload('/scaling-report', author),
    );

    expect(runner.jobs).toEqual([]);
  });

  it('ignores a comment an app posted with a person’s token', async () => {
    const runner = new RecordingRunner();
    const { deliver } = await createTestApp({ runner });
    const payload = commentPayload('/scaling-report');
    (
      payload.comment as { performed_via_github_app: unknown }
    ).performed_via_github_app = {
      id: 1,
      slug: 'some-integration',
    };

    await deliver('issue_comment', 'via-app', payload);

    expect(runner.jobs).toEqual([]);
  });

  it('ignores the app’s own replies, which quote the command', async () => {
    const runner = new RecordingRunner();
    const { deliver } = await createTestApp({ runner });
    const reply = refusalReply('bob-reviewer', 'write');

    await deliver(
      'issue_comment',
      'own-reply',
      commentPayload(reply, { login: 'scaling-report[bot]', type: 'Bot' }),
    );

    expect(parseCommand(reply)).toBeUndefined();
    expect(runner.jobs).toEqual([]);
  });
});
