import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { Probot, Server } from 'probot';
import type { ProbotOctokit } from 'probot';
import type { JobCounts } from '../runner/analysis-queue.js';
import type { AnalysisRunner } from '../runner/analysis-runner.js';
import { AppMetrics } from '../server/app-metrics.js';
import type { CloseStep } from '../server/close-steps.js';
import { runCloseSteps } from '../server/close-steps.js';
import { healthRoutes } from '../server/health-routes.js';
import type { ScalingReportAppOptions } from './app.js';
import { scalingReportApp } from './app.js';

/** The route a load balancer or `HEALTHCHECK` polls. */
export { HEALTH_PATH } from '../server/health-routes.js';

const NO_JOBS: JobCounts = {
  waiting: 0,
  active: 0,
  delayed: 0,
  completed: 0,
  failed: 0,
};

export interface ScalingReportServerOptions {
  appId: number | string;
  /** The app's PEM private key. */
  privateKey: string;
  /** Webhook secret; deliveries whose signature does not match are refused. */
  webhookSecret: string;
  /** REST API root. Default `https://api.github.com`; Enterprise: `https://HOST/api/v3`. */
  baseUrl?: string;
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Interface to listen on. Default `localhost`; `0.0.0.0` in a container. */
  host?: string;
  /** Default `/api/github/webhooks`. */
  webhookPath?: string;
  /** Root logger; requests and jobs log through its children. */
  log: Logger;
  /** Options for the app itself (runner, slug, limits). */
  app?: ScalingReportAppOptions;
  /** Octokit class, to change its retry and throttling. Default: Probot's. */
  Octokit?: typeof ProbotOctokit;
  /** What `GET /metrics` renders. Default: a fresh set of counters. */
  metrics?: AppMetrics;
  /** Redis that `GET /readyz` pings; absent when none is configured. */
  redis?: { ping(): Promise<string> };
  /**
   * Milliseconds `stop()` lets accepted in-process jobs run before it gives
   * up on them. Default: no limit.
   */
  shutdownTimeoutMs?: number;
}

export interface ScalingReportServer {
  /** Listens; resolves with the port actually bound. */
  start(): Promise<{ port: number }>;
  /** Stops taking requests, then lets accepted jobs finish. Safe to call twice. */
  stop(): Promise<void>;
  readonly runner: AnalysisRunner;
}

/**
 * Probot's HTTP server with the app loaded: the webhook route (signature
 * checked against the secret), `GET /healthz`, `GET /readyz` and
 * `GET /metrics`.
 */
export async function createScalingReportServer(
  options: ScalingReportServerOptions,
): Promise<ScalingReportServer> {
  const server = new Server({
    Probot: Probot.defaults({
      appId: options.appId,
      privateKey: options.privateKey,
      secret: options.webhookSecret,
      baseUrl: options.baseUrl,
      Octokit: options.Octokit,
    }),
    log: options.log,
    // Probot reads port 0 as "unset" (3000), so a free port is picked here.
    port: options.port === 0 ? await freePort(options.host) : options.port,
    host: options.host,
    webhookPath: options.webhookPath,
    enableStaticFiles: false,
  });

  let runner: AnalysisRunner | undefined;
  await server.load((app) => {
    runner = scalingReportApp(app, options.app);
  });
  if (!runner) {
    throw new Error('The app did not start its job runner.');
  }
  const loaded = runner;
  let stopping: Promise<void> | undefined;
  server.addHandler(
    healthRoutes({
      metrics: options.metrics ?? new AppMetrics(),
      counts: () => loaded.counts?.() ?? Promise.resolve(NO_JOBS),
      redis: options.redis,
      stopping: () => stopping !== undefined,
      log: options.log,
    }),
  );

  return {
    runner: loaded,
    start: async () => {
      await server.start();
      return { port: server.port };
    },
    stop: () => (stopping ??= stopAll(server, loaded, options)),
  };
}

function freePort(host: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Every step runs even when one fails, and each failure is reported. */
function stopAll(
  server: Server,
  runner: AnalysisRunner,
  options: ScalingReportServerOptions,
): Promise<void> {
  const steps: CloseStep[] = [
    ['http server', () => server.stop()],
    ['job runner', () => closeWithin(runner, options)],
  ];
  return runCloseSteps(steps, options.log);
}

/** Closes the runner; past the timeout, its unfinished jobs are given up. */
async function closeWithin(
  runner: AnalysisRunner,
  { shutdownTimeoutMs, log }: ScalingReportServerOptions,
): Promise<void> {
  if (shutdownTimeoutMs === undefined) {
    return runner.close();
  }
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), shutdownTimeoutMs);
  });
  const outcome = await Promise.race([runner.close(), gaveUp]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    const counts = await runner.counts?.();
    log.warn(
      { shutdownTimeoutMs, active: counts?.active, waiting: counts?.waiting },
      'shutdown timeout reached; unfinished in-process jobs given up',
    );
  }
}
