import { createHmac } from 'node:crypto';
import { pullRequestPayload } from '../github/helpers/payloads.js';
import {
  baseFiles,
  headFiles,
  headSha,
  queueName,
} from './helpers/billing-heads.js';
import { FakeGitHub, MERGE_BASE } from './helpers/fake-github.js';
import type { RoleProcess } from './helpers/spawn-role.js';
import {
  WEBHOOK_SECRET,
  killRoles,
  roleEnv,
  spawnRole,
} from './helpers/spawn-role.js';
import { waitUntil } from './helpers/wait-until.js';

describe('one serve process without Redis (the embedded default)', () => {
  const github = new FakeGitHub();
  let serve: RoleProcess | undefined;
  let url = '';

  beforeAll(async () => {
    await github.commit(MERGE_BASE, baseFiles);
    await github.commit(headSha(1, 1), headFiles(1, 1));
    const env = { ...roleEnv(await github.listen(), 'unused'), REDIS_URL: '' };
    serve = spawnRole('serve', env);
    const started = await serve.waitFor(
      (line) => line.msg === 'web server started',
    );
    expect(started.runner).toBe('in-process');
    url = `http://127.0.0.1:${String(started.port)}`;
  }, 30_000);

  afterAll(async () => {
    await killRoles(serve ? [serve] : []);
    await github.close();
  });

  it('analyzes a push in process, reports it in /metrics, and exits 0 on SIGTERM', async () => {
    const body = JSON.stringify(
      pullRequestPayload('opened', { headSha: headSha(1, 1) }),
    );
    const response = await fetch(`${url}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'pull_request',
        'x-github-delivery': 'single-1',
        'x-hub-signature-256': `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`,
      },
      body,
    });
    expect(response.status).toBe(200);
    await waitUntil(
      () => github.commentsOf(12).length === 1,
      'the comment',
      20_000,
    );
    expect(github.commentsOf(12)[0]?.body).toContain(queueName(1, 1));

    const ready = await fetch(`${url}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready' });
    let metrics = '';
    await waitUntil(async () => {
      metrics = await (await fetch(`${url}/metrics`)).text();
      return metrics.includes('scaling_report_jobs{state="active"} 0');
    }, 'the job to finish');
    expect(metrics).toContain('scaling_report_jobs{state="completed"} 1');
    expect(metrics).toContain(
      'scaling_report_job_attempts_total{outcome="completed"} 1',
    );
    expect(metrics).toMatch(/scaling_report_fact_cache_misses_total [1-9]/);

    serve!.child.kill('SIGTERM');
    expect(await serve!.exited).toEqual({ code: 0, signal: null });
  }, 40_000);
});
