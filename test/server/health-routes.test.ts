import type { Server } from 'node:http';
import { AppMetrics } from '../../src/server/app-metrics.js';
import { healthRoutes } from '../../src/server/health-routes.js';
import { closeHealth, listenHealth } from '../../src/server/listen-health.js';
import { captureLog } from '../github/helpers/capture-log.js';

const counts = { waiting: 3, active: 2, delayed: 1, completed: 40, failed: 4 };

describe('health, readiness and metrics routes', () => {
  const metrics = new AppMetrics();
  const { log, lines } = captureLog('info');
  let redisAnswers = true;
  let stopping = false;
  let server: Server;
  let url = '';

  beforeAll(async () => {
    const routes = healthRoutes({
      metrics,
      counts: () => Promise.resolve(counts),
      redis: {
        ping: () =>
          redisAnswers
            ? Promise.resolve('PONG')
            : new Promise<string>(() => undefined),
      },
      stopping: () => stopping,
      pingTimeoutMs: 100,
      log,
    });
    const listening = await listenHealth(routes, 0, '127.0.0.1', log);
    server = listening.server;
    url = `http://127.0.0.1:${listening.port}`;
  });

  afterAll(async () => {
    await closeHealth(server);
    await closeHealth(server);
  });

  afterEach(() => {
    redisAnswers = true;
    stopping = false;
  });

  it('answers liveness while the process runs, Redis or not', async () => {
    redisAnswers = false;
    const response = await fetch(`${url}/healthz`);
    expect([response.status, await response.json()]).toEqual([
      200,
      { status: 'ok' },
    ]);
  });

  it.each([
    ['Redis answers', () => undefined, 200, { status: 'ready' }],
    [
      'Redis does not answer',
      () => (redisAnswers = false),
      503,
      { status: 'unavailable', reason: 'redis unreachable' },
    ],
    [
      'shutdown has begun',
      () => (stopping = true),
      503,
      { status: 'unavailable', reason: 'shutting down' },
    ],
  ])('readiness when %s', async (_label, arrange, status, body) => {
    arrange();
    const response = await fetch(`${url}/readyz`);
    expect([response.status, await response.json()]).toEqual([status, body]);
  });

  it('logs why it is not ready', async () => {
    redisAnswers = false;
    await fetch(`${url}/readyz`);
    expect(
      lines.some(
        (line) => line.msg === 'readiness check: Redis did not answer',
      ),
    ).toBe(true);
  });

  it('serves job counts, outcomes, durations and cache counters in the Prometheus format', async () => {
    metrics.finished('completed', 0.8);
    metrics.finished('completed', 12);
    metrics.finished('superseded', 0.01);
    metrics.finished('failed', 3);
    metrics.cache.hits = 90;
    metrics.cache.misses = 10;

    const response = await fetch(`${url}/metrics`);
    const text = await response.text();

    expect(response.headers.get('content-type')).toBe(
      'text/plain; version=0.0.4',
    );
    expect(samples(text)).toMatchObject({
      'scaling_report_jobs{state="waiting"}': 3,
      'scaling_report_jobs{state="active"}': 2,
      'scaling_report_jobs{state="delayed"}': 1,
      'scaling_report_jobs{state="completed"}': 40,
      'scaling_report_jobs{state="failed"}': 4,
      'scaling_report_job_attempts_total{outcome="completed"}': 2,
      'scaling_report_job_attempts_total{outcome="superseded"}': 1,
      'scaling_report_job_attempts_total{outcome="failed"}': 1,
      'scaling_report_analysis_duration_seconds_bucket{le="1"}': 1,
      'scaling_report_analysis_duration_seconds_bucket{le="5"}': 2,
      'scaling_report_analysis_duration_seconds_bucket{le="+Inf"}': 3,
      scaling_report_analysis_duration_seconds_count: 3,
      scaling_report_analysis_duration_seconds_sum: 15.8,
      scaling_report_fact_cache_hits_total: 90,
      scaling_report_fact_cache_misses_total: 10,
    });
    expect(text).toContain(
      '# TYPE scaling_report_analysis_duration_seconds histogram',
    );
  });

  it('answers 404 for other paths', async () => {
    expect((await fetch(`${url}/elsewhere`)).status).toBe(404);
  });
});

/** Every sample line of an exposition, by name and labels. */
function samples(text: string): Record<string, number> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .map((line) => {
        const at = line.lastIndexOf(' ');
        return [line.slice(0, at), Number(line.slice(at + 1))];
      }),
  );
}
