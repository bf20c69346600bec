import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { JobCounts } from '../runner/analysis-queue.js';
import type { AppMetrics } from './app-metrics.js';

/** Liveness: the process answers. */
export const HEALTH_PATH = '/healthz';
/** Readiness: the process takes work (Redis answers, no shutdown under way). */
export const READY_PATH = '/readyz';
/** Prometheus text format. */
export const METRICS_PATH = '/metrics';

export interface HealthRoutesOptions {
  metrics: AppMetrics;
  /** Jobs in each state: the queue's with Redis, this process's without. */
  counts: () => Promise<JobCounts>;
  /** Answers `PING`; absent when no Redis is configured. */
  redis?: { ping(): Promise<string> };
  /** True once shutdown has begun, so a load balancer stops sending work. */
  stopping: () => boolean;
  /** Milliseconds Redis has to answer a readiness check. Default 1,000. */
  pingTimeoutMs?: number;
  log: Logger;
}

/** A request handler for the three routes; false for any other request. */
export function healthRoutes(
  options: HealthRoutesOptions,
): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const path = req.url?.split('?')[0];
    if (req.method !== 'GET') {
      return false;
    }
    if (path === HEALTH_PATH) {
      reply(res, 200, 'application/json', '{"status":"ok"}');
      return true;
    }
    if (path === READY_PATH) {
      const problem = await notReady(options);
      reply(
        res,
        problem ? 503 : 200,
        'application/json',
        JSON.stringify(
          problem
            ? { status: 'unavailable', reason: problem }
            : { status: 'ready' },
        ),
      );
      return true;
    }
    if (path === METRICS_PATH) {
      await metrics(res, options);
      return true;
    }
    return false;
  };
}

async function notReady(
  options: HealthRoutesOptions,
): Promise<string | undefined> {
  if (options.stopping()) {
    return 'shutting down';
  }
  if (!options.redis) {
    return undefined;
  }
  try {
    await withTimeout(options.redis.ping(), options.pingTimeoutMs ?? 1000);
    return undefined;
  } catch (error) {
    options.log.warn({ err: error }, 'readiness check: Redis did not answer');
    return 'redis unreachable';
  }
}

async function metrics(
  res: ServerResponse,
  options: HealthRoutesOptions,
): Promise<void> {
  try {
    const counts = await withTimeout(
      options.counts(),
      options.pingTimeoutMs ?? 1000,
    );
    reply(
      res,
      200,
      'text/plain; version=0.0.4',
      options.metrics.render(counts),
    );
  } catch (error) {
    options.log.warn({ err: error }, 'metrics: job counts unavailable');
    reply(res, 503, 'text/plain', 'job counts unavailable\n');
  }
}

function reply(
  res: ServerResponse,
  status: number,
  type: string,
  body: string,
): void {
  res.writeHead(status, { 'content-type': type }).end(body);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
