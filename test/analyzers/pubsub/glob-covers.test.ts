import { globCovers } from '../../../src/analyzers/pubsub/glob-covers.js';

describe('globCovers', () => {
  it.each([
    ['user:*', 'user:{id}', true],
    ['user:*', 'user:42', true],
    ['*', 'anything:{id}:at-all', true],
    ['collab:*:update', 'collab:{doc.id}:update', true],
    ['user:1*', 'user:{id}', false],
    ['user:?', 'user:{id}', false],
    ['user:[a-z]', 'user:b', true],
    ['user:[^a-z]', 'user:b', false],
    ['user:[a-z]', 'user:{id}', false],
    ['user:\\*', 'user:*', true],
    ['user:\\*', 'user:{id}', false],
    ['orders:*', 'users:{id}', false],
  ])('%s covers %s: %s', (glob, channel, expected) => {
    expect(globCovers(glob, channel)).toBe(expected);
  });
});
