import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the stand-in received. */
export interface StandInRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

type Answer = [number, unknown, Record<string, string>?];

/** Answers a request; a promise holds the answer back (slow or stalled GitHub). */
type Route = (
  req: IncomingMessage,
  body: Record<string, unknown>,
) => Answer | Promise<Answer>;

/**
 * A tiny GitHub Enterprise API on 127.0.0.1 (`/api/v3/...`), for tests that
 * need the real HTTP path end to end. Routes match `METHOD path`; anything
 * else answers 404 and is recorded, so a test sees it.
 */
export class GitHubStandIn {
  readonly requests: StandInRequest[] = [];
  private readonly routes = new Map<string, Route>();
  private readonly patterns: [string, RegExp, Route][] = [];
  private readonly server: Server = createServer((req, res) => {
    void this.handle(req, res);
  });

  route(method: string, path: string, route: Route): this {
    this.routes.set(`${method} ${path}`, route);
    return this;
  }

  /** A route for every path `pattern` matches, after the exact routes. */
  routeMatching(method: string, pattern: RegExp, route: Route): this {
    this.patterns.push([method, pattern, route]);
    return this;
  }

  async listen(): Promise<{ host: string }> {
    await new Promise<void>((resolve) =>
      this.server.listen(0, '127.0.0.1', resolve),
    );
    const { port } = this.server.address() as AddressInfo;
    return { host: `127.0.0.1:${port}` };
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  private async handle(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const text = Buffer.concat(chunks).toString('utf8');
    const body =
      text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    this.requests.push({
      method: req.method ?? '',
      path,
      authorization: req.headers.authorization,
      body,
    });

    const route =
      this.routes.get(`${req.method} ${path}`) ??
      this.patterns.find(
        ([method, pattern]) => method === req.method && pattern.test(path),
      )?.[2];
    const [status, payload, headers = {}] = route
      ? await route(req, body)
      : [404, { message: 'Not Found' }];
    if (res.destroyed) {
      return;
    }
    const raw = Buffer.isBuffer(payload)
      ? payload
      : Buffer.from(JSON.stringify(payload));
    res.writeHead(status, {
      'content-type': Buffer.isBuffer(payload)
        ? 'application/x-gzip'
        : 'application/json',
      'content-length': String(raw.length),
      ...headers,
    });
    res.end(raw);
  }
}
