import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { healthRoutes } from './health-routes.js';

/**
 * A bare HTTP server for the worker role's health and metrics routes; any
 * other path answers 404. Resolves once listening, with the port bound.
 */
export async function listenHealth(
  routes: ReturnType<typeof healthRoutes>,
  port: number,
  host: string,
  log: Logger,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    routes(req, res).then(
      (handled) => {
        if (!handled) {
          res
            .writeHead(404, { 'content-type': 'text/plain' })
            .end('not found\n');
        }
      },
      (error: unknown) => {
        log.error({ err: error }, 'health route failed');
        res.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return { server, port: (server.address() as AddressInfo).port };
}

/** Stops listening and waits for open requests; safe to call twice. */
export function closeHealth(server: Server): Promise<void> {
  if (!server.listening) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
