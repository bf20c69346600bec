import type { GitHubClient, RepoRef } from './github-client.js';

/**
 * The commit the pull request branched from, as the compare API reports it
 * for `base...head`. Diffing against it (not the base branch's tip) keeps
 * changes merged into the base since then out of the pull request's findings.
 */
export async function findMergeBase(
  octokit: GitHubClient,
  repo: RepoRef,
  baseRef: string,
  headSha: string,
): Promise<string> {
  const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
    owner: repo.owner,
    repo: repo.repo,
    basehead: `${baseRef}...${headSha}`,
    per_page: 1,
  });
  return data.merge_base_commit.sha;
}
