import type { CommandPermission } from '../config/scaling-report-config.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { statusOf } from './github-client.js';

const RANK: Record<string, number> = {
  none: 0,
  read: 1,
  triage: 1,
  write: 2,
  maintain: 3,
  admin: 4,
};

/**
 * Whether `username` holds at least the `required` role on the repository.
 * `role_name` tells maintain from write; a custom role falls back to the
 * base permission GitHub reports with it. A non-collaborator (404) has none.
 */
export async function hasCommandPermission(
  octokit: GitHubClient,
  repo: RepoRef,
  username: string,
  required: CommandPermission,
): Promise<boolean> {
  if (required === 'anyone') {
    return true;
  }
  let data: { permission: string; role_name?: string };
  try {
    ({ data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
      owner: repo.owner,
      repo: repo.repo,
      username,
    }));
  } catch (error) {
    if (statusOf(error) === 404) {
      return false;
    }
    throw error;
  }
  const held = RANK[data.role_name ?? ''] ?? RANK[data.permission] ?? 0;
  return held >= (RANK[required] ?? Number.POSITIVE_INFINITY);
}
