import type { ParsedConfig } from '../config/parse-config.js';
import { parseConfig } from '../config/parse-config.js';
import { CONFIG_PATH, defaultConfig } from '../config/scaling-report-config.js';
import type { GitHubClient, RepoRef } from './github-client.js';
import { statusOf } from './github-client.js';

/**
 * Reads `.github/scaling-report.yml` from the default branch, so a pull
 * request cannot change how it is itself judged. A missing file means the
 * defaults; an unreadable one means the defaults and a problem to report,
 * never a failed analysis.
 */
export async function loadRepoConfig(
  octokit: GitHubClient,
  repo: RepoRef,
  defaultBranch: string,
): Promise<ParsedConfig> {
  let data: unknown;
  try {
    ({ data } = await octokit.rest.repos.getContent({
      owner: repo.owner,
      repo: repo.repo,
      path: CONFIG_PATH,
      ref: defaultBranch,
    }));
  } catch (error) {
    const status = statusOf(error);
    if (status === 404) {
      return { config: defaultConfig(), problems: [] };
    }
    const reason = status === undefined ? 'a network error' : `HTTP ${status}`;
    return {
      config: defaultConfig(),
      problems: [
        {
          file: CONFIG_PATH,
          message: `could not be read (${reason}); defaults apply.`,
        },
      ],
    };
  }

  const content = fileContent(data);
  if (content === undefined) {
    return {
      config: defaultConfig(),
      problems: [
        {
          file: CONFIG_PATH,
          message: 'is not a file the app can read; defaults apply.',
        },
      ],
    };
  }
  return parseConfig(content, CONFIG_PATH);
}

/** The decoded text of a contents-API file answer, or undefined for anything else. */
function fileContent(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return undefined;
  }
  const file = data as {
    type?: unknown;
    content?: unknown;
    encoding?: unknown;
  };
  if (file.type !== 'file' || typeof file.content !== 'string') {
    return undefined;
  }
  return file.encoding === 'base64'
    ? Buffer.from(file.content, 'base64').toString('utf8')
    : file.content;
}
