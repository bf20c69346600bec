import { checkConclusion } from '../../src/github/check-conclusion.js';
import { completeCheckRun } from '../../src/github/check-run.js';
import { findingAnnotations } from '../../src/github/finding-annotations.js';
import type { FailLevel } from '../../src/config/scaling-report-config.js';
import type { Finding, Severity } from '../../src/diff/types.js';
import { GitHubApiMock } from './helpers/github-api-mock.js';
import { installationOctokit } from './helpers/test-app.js';
import { useNock } from './helpers/use-nock.js';

const HEAD = '6f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6';
const repo = { owner: 'acme', repo: 'billing' };

useNock();

function finding(
  severity: Severity,
  index: number,
  side: 'base' | 'head' = 'head',
): Finding {
  return {
    rule: 'job-retention-missing',
    severity,
    message: `Queue \`tenant-${index}\` (bullmq) sets no removeOnFail.`,
    why: 'Failed jobs are kept in Redis forever by default.',
    file: `src/tenants/tenant-${index}.ts`,
    line: index + 1,
    side,
    fingerprint: index.toString(16).padStart(16, '0'),
  };
}

const result = (count: number) => ({
  conclusion: 'neutral' as const,
  title: `${count} findings`,
  summary: `**${count} findings**`,
  annotations: findingAnnotations(
    Array.from({ length: count }, (_, i) => finding('warning', i)),
  ),
});

describe('completeCheckRun', () => {
  it('sends 120 annotations as 50, 50 and 20, the first batch with the result', async () => {
    const api = new GitHubApiMock().updateCheckRun(501, 3);

    await completeCheckRun(installationOctokit(), repo, HEAD, 501, result(120));

    const updates = api.written('PATCH', '/check-runs/501');
    const batches = updates.map(
      (call) =>
        (call.body.output as { annotations: unknown[] }).annotations.length,
    );
    expect(batches).toEqual([50, 50, 20]);
    expect(updates[0]?.body).toMatchObject({
      status: 'completed',
      conclusion: 'neutral',
    });
    expect(updates[1]?.body).not.toHaveProperty('conclusion');
    expect(updates[2]?.body.output).toMatchObject({ title: '120 findings' });
    const lines = updates.flatMap((call) =>
      (
        call.body.output as { annotations: { start_line: number }[] }
      ).annotations.map((annotation) => annotation.start_line),
    );
    expect(lines).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
  });

  it('creates the run completed when it could not be started, then adds the rest', async () => {
    const api = new GitHubApiMock().createCheckRun(777).updateCheckRun(777);

    await completeCheckRun(
      installationOctokit(),
      repo,
      HEAD,
      undefined,
      result(60),
    );

    const [created] = api.written('POST', '/check-runs');
    expect(created?.body).toMatchObject({
      name: 'Scaling report',
      head_sha: HEAD,
      status: 'completed',
    });
    expect(
      (created?.body.output as { annotations: unknown[] }).annotations,
    ).toHaveLength(50);
    const [more] = api.written('PATCH', '/check-runs/777');
    expect(
      (more?.body.output as { annotations: unknown[] }).annotations,
    ).toHaveLength(10);
  });

  it('sends one request when there is nothing to annotate', async () => {
    const api = new GitHubApiMock().updateCheckRun(501);

    await completeCheckRun(installationOctokit(), repo, HEAD, 501, result(0));

    expect(
      api.written('PATCH', '/check-runs/501')[0]?.body.output,
    ).toMatchObject({
      annotations: [],
    });
  });
});

describe('findingAnnotations', () => {
  it('annotates head lines only, with the level of the severity and the rule as title', () => {
    const annotations = findingAnnotations([
      finding('error', 0),
      finding('warning', 1),
      finding('info', 2),
      finding('warning', 3, 'base'),
    ]);

    expect(annotations).toEqual([
      expect.objectContaining({
        path: 'src/tenants/tenant-0.ts',
        annotation_level: 'failure',
      }),
      expect.objectContaining({
        start_line: 2,
        end_line: 2,
        annotation_level: 'warning',
      }),
      expect.objectContaining({
        title: 'job-retention-missing',
        annotation_level: 'notice',
      }),
    ]);
    expect(annotations[0]?.message).toBe(
      'Queue `tenant-0` (bullmq) sets no removeOnFail.\n\n' +
        'Failed jobs are kept in Redis forever by default.',
    );
  });
});

describe('checkConclusion', () => {
  it.each<[FailLevel, Severity[], string]>([
    ['none', [], 'success'],
    ['none', ['error'], 'neutral'],
    ['warning', [], 'success'],
    ['warning', ['info'], 'neutral'],
    ['warning', ['info', 'warning'], 'failure'],
    ['warning', ['error'], 'failure'],
    ['error', ['warning'], 'neutral'],
    ['error', ['info', 'error'], 'failure'],
  ])('fail level %s with %j -> %s', (failLevel, severities, expected) => {
    const findings = severities.map((severity, i) => finding(severity, i));

    expect(checkConclusion(findings, failLevel)).toBe(expected);
  });
});
