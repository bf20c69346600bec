import type { CommentMode } from '../config/scaling-report-config.js';
import type { GitHubClient, RepoRef } from './github-client.js';

/** What happened to the pull request's comment. */
export type StickyOutcome =
  'created' | 'updated' | 'recreated' | 'unchanged' | 'not-needed';

export interface StickyCommentRequest {
  issueNumber: number;
  body: string;
  /** The hidden marker every body carries; with the login it identifies our comment. */
  marker: string;
  /** `<slug>[bot]`: a marker copied into someone else's comment never matches. */
  botLogin: string;
  mode: CommentMode;
  /** Create a comment when there is none yet; false for a pull request with no findings. */
  createIfMissing: boolean;
}

interface ExistingComment {
  id: number;
  nodeId: string;
  body: string;
}

/**
 * Keeps one comment per pull request current: created on the first result
 * worth reading, then edited in place (or, in `recreate` mode, the old one
 * hidden as outdated and a new one posted). No request is sent when the body
 * is already what it should be.
 */
export async function publishStickyComment(
  octokit: GitHubClient,
  repo: RepoRef,
  request: StickyCommentRequest,
): Promise<StickyOutcome> {
  const existing = await findStickyComment(octokit, repo, request);
  if (!existing) {
    if (!request.createIfMissing) {
      return 'not-needed';
    }
    await createComment(octokit, repo, request);
    return 'created';
  }
  if (existing.body === request.body) {
    return 'unchanged';
  }
  if (request.mode === 'recreate') {
    await minimizeAsOutdated(octokit, existing.nodeId);
    await createComment(octokit, repo, request);
    return 'recreated';
  }
  await octokit.rest.issues.updateComment({
    owner: repo.owner,
    repo: repo.repo,
    comment_id: existing.id,
    body: request.body,
  });
  return 'updated';
}

/** The newest comment of ours that carries the marker. */
export async function findStickyComment(
  octokit: GitHubClient,
  repo: RepoRef,
  request: Pick<StickyCommentRequest, 'issueNumber' | 'marker' | 'botLogin'>,
): Promise<ExistingComment | undefined> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: repo.owner,
    repo: repo.repo,
    issue_number: request.issueNumber,
    per_page: 100,
  });
  const ours = comments.filter(
    (comment) =>
      comment.user?.login === request.botLogin &&
      (comment.body ?? '').includes(request.marker),
  );
  const newest = ours[ours.length - 1];
  return (
    newest && { id: newest.id, nodeId: newest.node_id, body: newest.body ?? '' }
  );
}

/**
 * Posts the comment once. A POST that fails with a 5xx or a dropped
 * connection may still have been stored by GitHub, so it is never retried
 * blindly: the thread is read again, and only a comment that is really
 * missing makes the error travel on (the job's own retry then starts over
 * from `findStickyComment`, so it cannot post twice either).
 */
async function createComment(
  octokit: GitHubClient,
  repo: RepoRef,
  request: StickyCommentRequest,
): Promise<void> {
  try {
    await octokit.rest.issues.createComment({
      owner: repo.owner,
      repo: repo.repo,
      issue_number: request.issueNumber,
      body: request.body,
      request: { retries: 0 },
    });
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const unsure = typeof status !== 'number' || status >= 500;
    const stored = unsure
      ? await findStickyComment(octokit, repo, request)
      : undefined;
    if (stored?.body !== request.body) {
      throw error;
    }
  }
}

async function minimizeAsOutdated(
  octokit: GitHubClient,
  nodeId: string,
): Promise<void> {
  await octokit.graphql(
    `mutation($id: ID!) {
      minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) {
        minimizedComment { isMinimized }
      }
    }`,
    { id: nodeId },
  );
}
