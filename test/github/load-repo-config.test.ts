import { loadRepoConfig } from '../../src/github/load-repo-config.js';
import { defaultConfig } from '../../src/config/scaling-report-config.js';
import { GitHubApiMock } from './helpers/github-api-mock.js';
import { installationOctokit } from './helpers/test-app.js';
import { useNock } from './helpers/use-nock.js';

const repo = { owner: 'acme', repo: 'billing' };
const CONFIG =
  '/repos/acme/billing/contents/.github/scaling-report.yml?ref=main';

useNock();

describe('loadRepoConfig', () => {
  it('decodes and validates the file on the default branch', async () => {
    new GitHubApiMock().config(
      'failLevel: error\ncomment:\n  mode: recreate\n',
    );

    const { config, problems } = await loadRepoConfig(
      installationOctokit(),
      repo,
      'main',
    );

    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      failLevel: 'error',
      comment: { mode: 'recreate' },
    });
  });

  it('uses the defaults, silently, when there is no file', async () => {
    new GitHubApiMock().config();

    await expect(
      loadRepoConfig(installationOctokit(), repo, 'main'),
    ).resolves.toEqual({
      config: defaultConfig(),
      problems: [],
    });
  });

  it('uses the defaults and reports it when the file cannot be read', async () => {
    new GitHubApiMock().scope
      .get((uri) => decodeURIComponent(uri) === CONFIG)
      .reply(403, { message: 'Resource not accessible by integration' });

    const { config, problems } = await loadRepoConfig(
      installationOctokit(),
      repo,
      'main',
    );

    expect(config).toEqual(defaultConfig());
    expect(problems).toEqual([
      {
        file: '.github/scaling-report.yml',
        message: 'could not be read (HTTP 403); defaults apply.',
      },
    ]);
  });

  it('reports a folder where the file should be', async () => {
    new GitHubApiMock().scope
      .get((uri) => decodeURIComponent(uri) === CONFIG)
      .reply(200, [
        {
          type: 'file',
          name: 'a.yml',
          path: '.github/scaling-report.yml/a.yml',
        },
      ]);

    const { problems } = await loadRepoConfig(
      installationOctokit(),
      repo,
      'main',
    );

    expect(problems[0]?.message).toBe(
      'is not a file the app can read; defaults apply.',
    );
  });
});
