import { buildTarball } from '../../github/helpers/build-tarball.js';
import { GitHubStandIn } from '../../github/helpers/github-stand-in.js';

export const MERGE_BASE = '1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d';
export const BOT = 'scaling-report[bot]';
const REPO = '/api/v3/repos/acme/billing';

export interface FakeComment {
  id: number;
  body: string;
  pr: number;
}

export interface FakeCheckRun {
  id: number;
  headSha: string;
  status: string;
  conclusion?: string;
  title?: string;
}

/** Holds back the archive of one commit until released. */
interface Hold {
  arrived: Promise<void>;
  release: () => void;
}

/**
 * A GitHub Enterprise API with state, for several pull requests of
 * `acme/billing`: comments and check runs are stored, so a test reads what
 * ended up on each pull request. Archives can be slowed or held back.
 */
export class FakeGitHub {
  readonly standIn = new GitHubStandIn();
  readonly comments: FakeComment[] = [];
  readonly checkRuns = new Map<number, FakeCheckRun>();
  /** Milliseconds each archive answer is delayed, at most (random). */
  jitterMs = 0;
  /** Milliseconds the archive of a commit is delayed, on top of the jitter. */
  readonly delays = new Map<string, number>();
  private readonly tarballs = new Map<string, Buffer>();
  private readonly holds = new Map<
    string,
    { open: () => void; released: Promise<void>; release: () => void }
  >();
  private nextId = 1;

  constructor() {
    this.standIn
      .route('POST', '/api/v3/app/installations/4242/access_tokens', () => [
        201,
        {
          token: 'ghs_fake',
          expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        },
      ])
      .route('GET', '/api/v3/app', () => [
        200,
        { id: 987654, slug: 'scaling-report' },
      ])
      .route('GET', `${REPO}/contents/.github/scaling-report.yml`, () => [
        404,
        { message: 'Not Found' },
      ])
      .routeMatching('GET', /\/compare\/main\.\.\.[0-9a-f]{40}$/, () => [
        200,
        { merge_base_commit: { sha: MERGE_BASE } },
      ])
      .routeMatching('GET', /\/tarball\/[0-9a-f]{40}$/, (req) =>
        this.tarball(req.url ?? ''),
      )
      .route('POST', `${REPO}/check-runs`, (_req, body) =>
        this.createCheckRun(body),
      )
      .routeMatching('PATCH', /\/check-runs\/\d+$/, (req, body) =>
        this.updateCheckRun(req.url ?? '', body),
      )
      .routeMatching('GET', /\/issues\/\d+\/comments$/, (req) => [
        200,
        this.commentsOf(prOf(req.url)).map((c) => ({
          id: c.id,
          node_id: `IC_${c.id}`,
          body: c.body,
          user: { login: BOT, type: 'Bot' },
        })),
      ])
      .routeMatching('POST', /\/issues\/\d+\/comments$/, (req, body) => {
        const comment = {
          id: this.nextId++,
          body: String(body.body),
          pr: prOf(req.url),
        };
        this.comments.push(comment);
        return [201, { ...comment, user: { login: BOT, type: 'Bot' } }];
      })
      .routeMatching('PATCH', /\/issues\/comments\/\d+$/, (req, body) => {
        const comment = this.comments.find((c) => c.id === idOf(req.url));
        if (!comment) {
          return [404, { message: 'Not Found' }];
        }
        comment.body = String(body.body);
        return [200, { id: comment.id, body: comment.body }];
      });
  }

  /** The archive GitHub serves for `sha`. */
  async commit(sha: string, files: Record<string, string>): Promise<void> {
    this.tarballs.set(
      sha,
      await buildTarball(files, { root: `acme-billing-${sha.slice(0, 7)}` }),
    );
  }

  /** Holds the archive of `sha` until `release()`; `arrived` resolves on the first request. */
  hold(sha: string): Hold {
    let open = (): void => undefined;
    let release = (): void => undefined;
    const arrived = new Promise<void>((resolve) => (open = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = {
      open: () => open(),
      released,
      release: () => {
        this.holds.delete(sha);
        release();
      },
    };
    this.holds.set(sha, held);
    return { arrived, release: held.release };
  }

  commentsOf(pr: number): FakeComment[] {
    return this.comments.filter((comment) => comment.pr === pr);
  }

  /** Check runs on `sha`, in creation order. */
  checkRunsOf(sha: string): FakeCheckRun[] {
    return [...this.checkRuns.values()].filter((run) => run.headSha === sha);
  }

  async listen(): Promise<string> {
    return (await this.standIn.listen()).host;
  }

  close(): Promise<void> {
    [...this.holds.values()].forEach((hold) => hold.release());
    return this.standIn.close();
  }

  private async tarball(url: string): Promise<[number, unknown]> {
    const sha = url.split('/').pop() ?? '';
    const hold = this.holds.get(sha);
    if (hold) {
      hold.open();
      await hold.released;
    }
    const delay = (this.delays.get(sha) ?? 0) + Math.random() * this.jitterMs;
    if (delay > 0) {
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
    const archive = this.tarballs.get(sha);
    return archive ? [200, archive] : [404, { message: 'Not Found' }];
  }

  private createCheckRun(body: Record<string, unknown>): [number, unknown] {
    const run: FakeCheckRun = {
      id: this.nextId++,
      headSha: String(body.head_sha),
      status: typeof body.status === 'string' ? body.status : 'queued',
    };
    this.apply(run, body);
    this.checkRuns.set(run.id, run);
    return [201, { id: run.id }];
  }

  private updateCheckRun(
    url: string,
    body: Record<string, unknown>,
  ): [number, unknown] {
    const run = this.checkRuns.get(idOf(url));
    if (!run) {
      return [404, { message: 'Not Found' }];
    }
    this.apply(run, body);
    return [200, { id: run.id }];
  }

  private apply(run: FakeCheckRun, body: Record<string, unknown>): void {
    if (typeof body.status === 'string') {
      run.status = body.status;
    }
    if (typeof body.conclusion === 'string') {
      run.conclusion = body.conclusion;
    }
    const output = body.output as { title?: unknown } | undefined;
    if (typeof output?.title === 'string') {
      run.title = output.title;
    }
  }
}

function prOf(url: string | undefined): number {
  return Number(/\/issues\/(\d+)\//.exec(url ?? '')?.[1]);
}

function idOf(url: string | undefined): number {
  return Number(/\/(\d+)(?:\?.*)?$/.exec(url ?? '')?.[1]);
}
