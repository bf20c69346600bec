import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { Probot, Server } from 'probot';
import type { ProbotOctokit } from 'probot';
import type { AnalysisRunner } from '../runner/analysis-runner.js';
import type { ScalingReportAppOptions } from './app.js';
import { scalingReportApp } from './app.js';

/** The route a load balancer or `HEALTHCHECK` polls. */
export const HEALTH_PATH = '/healthz';

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
 * checked against the secret), and `GET /healthz`.
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
  server.addHandler(healthHandler);

  const loaded = runner;
  let stopping: Promise<void> | undefined;
  return {
    runner: loaded,
    start: async () => {
      await server.start();
      return { port: server.port };
    },
    stop: () => (stopping ??= stopAll(server, loaded, options.log)),
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

function healthHandler(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' || req.url?.split('?')[0] !== HEALTH_PATH) {
    return false;
  }
  res
    .writeHead(200, { 'content-type': 'application/json' })
    .end('{"status":"ok"}');
  return true;
}

/** Runs every step even when one fails, and reports each failure. */
async function stopAll(
  server: Server,
  runner: AnalysisRunner,
  log: Logger,
): Promise<void> {
  const steps: [string, () => Promise<void>][] = [
    ['http server', () => server.stop()],
    ['job runner', () => runner.close()],
  ];
  const failures: unknown[] = [];
  for (const [step, stop] of steps) {
    try {
      await stop();
    } catch (error) {
      log.error({ err: error, step }, 'shutdown step failed');
      failures.push(error);
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, 'The server did not stop cleanly.');
  }
}
