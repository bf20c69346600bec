import { createAppLoginResolver } from '../../src/github/app-login.js';
import { GitHubApiMock } from './helpers/github-api-mock.js';
import { installationOctokit } from './helpers/test-app.js';
import { useNock } from './helpers/use-nock.js';

useNock();

describe('createAppLoginResolver', () => {
  it('reads the slug once and answers later calls from memory', async () => {
    new GitHubApiMock().app('scaling-report');
    const login = createAppLoginResolver(undefined, () =>
      Promise.resolve(installationOctokit()),
    );

    await expect(login()).resolves.toBe('scaling-report[bot]');
    await expect(login()).resolves.toBe('scaling-report[bot]');
  });

  it('uses a configured slug without asking', async () => {
    const login = createAppLoginResolver('acme-scaling', () =>
      Promise.reject(new Error('must not be called')),
    );

    await expect(login()).resolves.toBe('acme-scaling[bot]');
  });

  it('asks again after a failed read', async () => {
    const api = new GitHubApiMock();
    api.scope.get('/app').reply(500, { message: 'Server Error' });
    api.app('scaling-report');
    const login = createAppLoginResolver(undefined, () =>
      Promise.resolve(installationOctokit()),
    );

    await expect(login()).rejects.toMatchObject({ status: 500 });
    await expect(login()).resolves.toBe('scaling-report[bot]');
  });
});
