import nock from 'nock';
import { fetchTarballTree } from '../../src/github/fetch-tarball-tree.js';
import { InputTooLargeError } from '../../src/source/tarball-tree.js';
import { buildTarball } from './helpers/build-tarball.js';
import { installationOctokit } from './helpers/test-app.js';
import { useNock } from './helpers/use-nock.js';

const SHA = '6f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6';
const repo = { owner: 'acme', repo: 'billing' };
const files = {
  'src/queues.ts': "import { Queue } from 'bullmq';\nnew Queue('emails');\n",
};

useNock();

describe('fetchTarballTree', () => {
  it('follows the redirect to codeload and unpacks the archive in memory', async () => {
    const archive = await buildTarball(files);
    nock('https://api.github.com')
      .get(`/repos/acme/billing/tarball/${SHA}`)
      .reply(302, '', {
        location: `https://codeload.github.com/acme/billing/legacy.tar.gz/${SHA}?token=AAAA`,
      });
    nock('https://codeload.github.com')
      .get(`/acme/billing/legacy.tar.gz/${SHA}`)
      .query({ token: 'AAAA' })
      .reply(200, archive, { 'content-type': 'application/x-gzip' });

    const tree = await fetchTarballTree(installationOctokit(), repo, SHA);

    expect(tree.label).toBe(`acme/billing@${SHA}`);
    expect(await tree.paths()).toEqual(['src/queues.ts']);
  });

  it('gives up before reading when the declared size is over the limit', async () => {
    const archive = await buildTarball(files);
    nock('https://api.github.com')
      .get(`/repos/acme/billing/tarball/${SHA}`)
      .reply(200, archive, {
        'content-type': 'application/x-gzip',
        'content-length': String(archive.length),
      });

    const fetching = fetchTarballTree(installationOctokit(), repo, SHA, {
      maxCompressedBytes: archive.length - 1,
    });

    await expect(fetching).rejects.toBeInstanceOf(InputTooLargeError);
    await expect(fetching).rejects.toMatchObject({
      limit: 'maxCompressedBytes',
    });
  });
});
