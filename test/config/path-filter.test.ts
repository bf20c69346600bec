import { createPathFilter } from '../../src/config/path-filter.js';

describe('createPathFilter', () => {
  it.each([
    // include, exclude, path, kept
    [[], [], 'src/a.ts', true],
    [['src/**'], [], 'src/deep/a.ts', true],
    [['src/**'], [], 'lib/a.ts', false],
    [['src/*.ts'], [], 'src/a.ts', true],
    [['src/*.ts'], [], 'src/deep/a.ts', false],
    [['**/workers/**'], [], 'apps/api/workers/mail.ts', true],
    [['packages/api'], [], 'packages/api/src/index.ts', true],
    [['packages/api'], [], 'packages/api-gateway/index.ts', false],
    [[], ['*.spec.ts'], 'src/deep/queue.spec.ts', false],
    [[], ['*.spec.ts'], 'src/deep/queue.ts', true],
    [[], ['/scripts'], 'scripts/seed.ts', false],
    [[], ['/scripts'], 'tools/scripts/seed.ts', true],
    [['src/**'], ['src/legacy/**'], 'src/legacy/q.ts', false],
    [['src/?.ts'], [], 'src/a.ts', true],
    [['src/?.ts'], [], 'src/ab.ts', false],
    [['src/a.b.ts'], [], 'src/axb.ts', false],
  ])('include %j exclude %j: %s -> %s', (include, exclude, path, kept) => {
    expect(createPathFilter({ include, exclude })(path)).toBe(kept);
  });
});
