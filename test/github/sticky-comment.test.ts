import nock from 'nock';
import { publishStickyComment } from '../../src/github/sticky-comment.js';
import { installationOctokit } from './helpers/test-app.js';
import { useNock } from './helpers/use-nock.js';

const repo = { owner: 'acme', repo: 'billing' };
const request = {
  issueNumber: 7,
  body: '<!-- marker -->\n**Scaling report**: 1 warning',
  marker: '<!-- marker -->',
  botLogin: 'scaling-report[bot]',
  mode: 'update' as const,
  createIfMissing: true,
};
const comments = '/repos/acme/billing/issues/7/comments';

useNock();

describe('publishStickyComment when the POST fails', () => {
  it('does not post twice when GitHub stored the comment despite a 502', async () => {
    nock('https://api.github.com')
      .get(comments)
      .query(true)
      .reply(200, [])
      .post(comments)
      .reply(502, { message: 'Bad Gateway' })
      .get(comments)
      .query(true)
      .reply(200, [
        {
          id: 1,
          node_id: 'C1',
          body: request.body,
          user: { login: request.botLogin },
        },
      ]);

    await expect(
      publishStickyComment(installationOctokit(), repo, request),
    ).resolves.toBe('created');
  });

  it('passes the error on when the comment really is missing', async () => {
    nock('https://api.github.com')
      .get(comments)
      .query(true)
      .reply(200, [])
      .post(comments)
      .reply(502, { message: 'Bad Gateway' })
      .get(comments)
      .query(true)
      .reply(200, []);

    await expect(
      publishStickyComment(installationOctokit(), repo, request),
    ).rejects.toMatchObject({
      status: 502,
    });
  });
});
