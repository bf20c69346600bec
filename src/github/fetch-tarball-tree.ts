import type { TarballLimits, TarballTree } from '../source/tarball-tree.js';
import {
  DEFAULT_TARBALL_LIMITS,
  InputTooLargeError,
  readTarballTree,
} from '../source/tarball-tree.js';
import type { GitHubClient, RepoRef } from './github-client.js';

export interface FetchTarballOptions {
  /**
   * Longest the download may take, redirect and body included, in
   * milliseconds; past it the transfer is aborted with a `TimeoutError`.
   * Default 300,000 (5 minutes).
   */
  timeoutMs?: number;
}

export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 5 * 60_000;

/**
 * Downloads the archive of one commit through the installation's Octokit
 * (so an Enterprise host works the same) and unpacks it in memory. The body
 * is streamed: an archive past `maxCompressedBytes` is abandoned midway, and
 * one that trickles in is abandoned at the timeout.
 */
export async function fetchTarballTree(
  octokit: GitHubClient,
  repo: RepoRef,
  sha: string,
  limits: Partial<TarballLimits> = {},
  options: FetchTarballOptions = {},
): Promise<TarballTree> {
  const max = { ...DEFAULT_TARBALL_LIMITS, ...limits };
  const signal = AbortSignal.timeout(
    options.timeoutMs ?? DEFAULT_DOWNLOAD_TIMEOUT_MS,
  );
  const response = await octokit.request(
    'GET /repos/{owner}/{repo}/tarball/{ref}',
    {
      owner: repo.owner,
      repo: repo.repo,
      ref: sha,
      request: { parseSuccessResponseBody: false, signal },
    },
  );

  const declared = Number(response.headers['content-length'] ?? NaN);
  if (declared > max.maxCompressedBytes) {
    await cancelBody(response.data);
    throw new InputTooLargeError('maxCompressedBytes', max.maxCompressedBytes);
  }
  return readTarballTree(
    archiveOf(response.data),
    `${repo.owner}/${repo.repo}@${sha}`,
    max,
  );
}

/** With `parseSuccessResponseBody: false` the body is fetch's stream, left unread. */
function archiveOf(body: unknown): Uint8Array | AsyncIterable<Uint8Array> {
  if (body instanceof ReadableStream) {
    return body as ReadableStream<Uint8Array>;
  }
  if (body instanceof ArrayBuffer) {
    return new Uint8Array(body);
  }
  throw new TypeError('The archive response has no body to read.');
}

async function cancelBody(body: unknown): Promise<void> {
  if (body instanceof ReadableStream) {
    await body.cancel();
  }
}
