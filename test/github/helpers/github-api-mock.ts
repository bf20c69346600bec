import nock from 'nock';
import { APP_ID, APP_SLUG, INSTALLATION_ID } from './test-app.js';

export const OWNER = 'acme';
export const REPO = 'billing';
export const PR = 12;
const REPO_PATH = `/repos/${OWNER}/${REPO}`;

/** A request the app sent, with its JSON body. */
export interface RecordedCall {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

function parsed(body: unknown): Record<string, unknown> {
  if (typeof body === 'string') {
    return body === '' ? {} : (JSON.parse(body) as Record<string, unknown>);
  }
  return (body ?? {}) as Record<string, unknown>;
}

/**
 * The GitHub REST API as nock interceptors, each answering once in GitHub's
 * shapes. Writes are recorded so tests can assert on what was posted.
 */
export class GitHubApiMock {
  readonly scope: nock.Scope;
  readonly calls: RecordedCall[] = [];

  constructor(readonly baseUrl = 'https://api.github.com') {
    this.scope = nock(baseUrl);
  }

  /** Writes recorded for `method` on paths ending with `suffix`. */
  written(method: string, suffix: string): RecordedCall[] {
    return this.calls.filter(
      (call) => call.method === method && call.path.endsWith(suffix),
    );
  }

  installationToken(installationId = INSTALLATION_ID): this {
    this.scope
      .post(`/app/installations/${installationId}/access_tokens`)
      .reply(201, {
        token: 'ghs_16C7e42F292c6912E7710c838347Ae178B4a',
        expires_at: new Date(Date.now() + 3_600_000).toISOString(),
        permissions: {
          checks: 'write',
          contents: 'read',
          issues: 'write',
          pull_requests: 'write',
        },
        repository_selection: 'selected',
      });
    return this;
  }

  app(slug = APP_SLUG): this {
    this.scope.get('/app').reply(200, {
      id: APP_ID,
      slug,
      node_id: 'A_kwHOAAJtRM4ADxJG',
      name: 'Scaling Report',
      owner: { login: OWNER, id: 9919, type: 'Organization' },
      permissions: {
        checks: 'write',
        contents: 'read',
        issues: 'write',
        metadata: 'read',
      },
      events: ['check_run', 'issue_comment', 'pull_request'],
    });
    return this;
  }

  /** `.github/scaling-report.yml` on `main`; absent (404) when `yaml` is undefined. */
  config(yaml?: string): this {
    const path = `${REPO_PATH}/contents/.github/scaling-report.yml?ref=main`;
    const interceptor = this.scope.get(
      (uri) => decodeURIComponent(uri) === path,
    );
    if (yaml === undefined) {
      interceptor.reply(404, {
        message: 'Not Found',
        documentation_url:
          'https://docs.github.com/rest/repos/contents#get-repository-content',
        status: '404',
      });
      return this;
    }
    interceptor.reply(200, {
      type: 'file',
      encoding: 'base64',
      size: yaml.length,
      name: 'scaling-report.yml',
      path: '.github/scaling-report.yml',
      sha: '3d21ec53a331a6f037a91c368710b99387d012c1',
      content: Buffer.from(yaml)
        .toString('base64')
        .replace(/(.{60})/g, '$1\n'),
    });
    return this;
  }

  compare(baseRef: string, headSha: string, mergeBase: string): this {
    this.scope
      .get(`${REPO_PATH}/compare/${baseRef}...${headSha}`)
      .query({ per_page: '1' })
      .reply(200, {
        status: 'ahead',
        ahead_by: 1,
        behind_by: 0,
        total_commits: 1,
        merge_base_commit: { sha: mergeBase },
        base_commit: { sha: mergeBase },
        commits: [],
        files: [],
      });
    return this;
  }

  tarball(sha: string, archive: Buffer): this {
    this.scope.get(`${REPO_PATH}/tarball/${sha}`).reply(200, archive, {
      'content-type': 'application/x-gzip',
      'content-length': String(archive.length),
      'content-disposition': `attachment; filename=${OWNER}-${REPO}-${sha.slice(0, 7)}.tar.gz`,
    });
    return this;
  }

  pull(headSha: string, baseRef = 'main'): this {
    this.scope.get(`${REPO_PATH}/pulls/${PR}`).reply(200, {
      number: PR,
      state: 'open',
      draft: false,
      head: { ref: 'invoice-queue', sha: headSha },
      base: { ref: baseRef, sha: '1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d' },
    });
    return this;
  }

  comments(existing: { id: number; body: string; login: string }[] = []): this {
    this.scope
      .get(`${REPO_PATH}/issues/${PR}/comments`)
      .query({ per_page: '100' })
      .reply(
        200,
        existing.map((comment) => ({
          id: comment.id,
          node_id: `IC_kwDOKbxZOc${comment.id}`,
          body: comment.body,
          user: {
            login: comment.login,
            type: comment.login.endsWith('[bot]') ? 'Bot' : 'User',
          },
          created_at: '2025-05-06T08:42:20Z',
          updated_at: '2025-05-06T08:42:20Z',
        })),
      );
    return this;
  }

  createComment(id: number): this {
    return this.record(
      'post',
      `${REPO_PATH}/issues/${PR}/comments`,
      201,
      (body) => ({
        id,
        node_id: `IC_kwDOKbxZOc${id}`,
        body: body.body,
        user: { login: `${APP_SLUG}[bot]`, type: 'Bot' },
      }),
    );
  }

  updateComment(id: number): this {
    return this.record(
      'patch',
      `${REPO_PATH}/issues/comments/${id}`,
      200,
      (body) => ({
        id,
        body: body.body,
      }),
    );
  }

  createCheckRun(id: number): this {
    return this.record('post', `${REPO_PATH}/check-runs`, 201, (body) => ({
      id,
      ...body,
    }));
  }

  updateCheckRun(id: number, times = 1): this {
    for (let i = 0; i < times; i++) {
      this.record('patch', `${REPO_PATH}/check-runs/${id}`, 200, (body) => ({
        id,
        ...body,
      }));
    }
    return this;
  }

  permission(
    username: string,
    permission: string,
    roleName = permission,
  ): this {
    this.scope
      .get(`${REPO_PATH}/collaborators/${username}/permission`)
      .reply(200, {
        permission,
        role_name: roleName,
        user: { login: username, type: 'User' },
      });
    return this;
  }

  reaction(commentId: number): this {
    return this.record(
      'post',
      `${REPO_PATH}/issues/comments/${commentId}/reactions`,
      201,
      (b) => ({
        id: 1,
        content: b.content,
      }),
    );
  }

  minimize(): this {
    return this.record('post', '/graphql', 200, () => ({
      data: { minimizeComment: { minimizedComment: { isMinimized: true } } },
    }));
  }

  private record(
    method: 'post' | 'patch',
    path: string,
    status: number,
    answer: (body: Record<string, unknown>) => Record<string, unknown>,
  ): this {
    this.scope[method](path).reply((uri, requestBody) => {
      const body = parsed(requestBody);
      this.calls.push({ method: method.toUpperCase(), path: uri, body });
      return [status, answer(body)];
    });
    return this;
  }
}
