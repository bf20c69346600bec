import type { CommandPermission } from '../../src/config/scaling-report-config.js';
import { hasCommandPermission } from '../../src/github/command-permission.js';
import { GitHubApiMock } from './helpers/github-api-mock.js';
import { installationOctokit } from './helpers/test-app.js';
import { useNock } from './helpers/use-nock.js';

const repo = { owner: 'acme', repo: 'billing' };

useNock();

describe('hasCommandPermission', () => {
  it.each<[string, string, CommandPermission, boolean]>([
    ['admin', 'admin', 'write', true],
    ['write', 'write', 'write', true],
    ['write', 'maintain', 'maintain', true],
    ['write', 'write', 'maintain', false],
    ['read', 'triage', 'write', false],
    ['read', 'read', 'write', false],
    ['write', 'release-manager', 'write', true],
    ['admin', 'admin', 'admin', true],
    ['write', 'maintain', 'admin', false],
  ])(
    'permission %s, role %s, required %s -> %s',
    async (permission, role, required, allowed) => {
      new GitHubApiMock().permission('bob-reviewer', permission, role);

      const result = await hasCommandPermission(
        installationOctokit(),
        repo,
        'bob-reviewer',
        required,
      );

      expect(result).toBe(allowed);
    },
  );

  it('refuses someone who is not a collaborator', async () => {
    new GitHubApiMock().scope
      .get('/repos/acme/billing/collaborators/stranger/permission')
      .reply(404, { message: 'Not Found' });

    await expect(
      hasCommandPermission(installationOctokit(), repo, 'stranger', 'write'),
    ).resolves.toBe(false);
  });

  it('asks nothing when anyone may run the command', async () => {
    await expect(
      hasCommandPermission(installationOctokit(), repo, 'stranger', 'anyone'),
    ).resolves.toBe(true);
  });
});
