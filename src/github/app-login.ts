import type { GitHubClient } from './github-client.js';

/**
 * The login the app comments as, `<slug>[bot]`. Read once from `GET /app`
 * (authenticated as the app) unless the slug is configured; a failed read is
 * retried on the next call rather than cached.
 */
export function createAppLoginResolver(
  appSlug: string | undefined,
  appOctokit: () => Promise<GitHubClient>,
): () => Promise<string> {
  let login: Promise<string> | undefined = appSlug
    ? Promise.resolve(`${appSlug}[bot]`)
    : undefined;

  return () => {
    login ??= readLogin(appOctokit).catch((error: unknown) => {
      login = undefined;
      throw error;
    });
    return login;
  };
}

async function readLogin(
  appOctokit: () => Promise<GitHubClient>,
): Promise<string> {
  const octokit = await appOctokit();
  const { data } = await octokit.rest.apps.getAuthenticated();
  if (!data?.slug) {
    throw new Error('GET /app answered without a slug; set APP_SLUG.');
  }
  return `${data.slug}[bot]`;
}
