import { posix } from 'node:path';
import {
  createModuleResolver,
  joinRelative,
} from '../../src/facts/module-resolver.js';

describe('createModuleResolver', () => {
  const resolve = createModuleResolver(
    [
      'src/a.ts',
      'src/a.js',
      'src/b.js',
      'src/c.mts',
      'src/lib/index.js',
      'src/lib/index.ts',
      'src/lib.d/x.ts',
      'src/dup.tsx',
      'src/dup/index.ts',
      'src/data.json',
      'packages/shared/src/index.ts',
    ],
    [['@shared/*', ['packages/shared/src/*']]],
  );

  it('prefers .ts to .js for the same stem', () => {
    expect(resolve('src/main.ts', './a')).toBe('src/a.ts');
  });

  it('maps a .js specifier to its .ts source, and keeps a real .js file', () => {
    expect(resolve('src/main.ts', './a.js')).toBe('src/a.ts');
    expect(resolve('src/main.ts', './b.js')).toBe('src/b.js');
    expect(resolve('src/main.ts', './c.mjs')).toBe('src/c.mts');
  });

  it('takes a file before a directory index, and the index otherwise', () => {
    expect(resolve('src/main.ts', './dup')).toBe('src/dup.tsx');
    expect(resolve('src/main.ts', './lib')).toBe('src/lib/index.ts');
    expect(resolve('src/deep/x.ts', '../lib/index')).toBe('src/lib/index.ts');
  });

  it('resolves a specifier relative to the importing file', () => {
    expect(resolve('src/lib/index.ts', '../a')).toBe('src/a.ts');
    expect(resolve('src/other/main.ts', './a')).toBeUndefined();
  });

  it('leaves packages, non-source files and missing files unresolved', () => {
    expect(resolve('src/main.ts', 'bullmq')).toBeUndefined();
    expect(resolve('src/main.ts', './data.json')).toBeUndefined();
    expect(resolve('src/main.ts', './missing')).toBeUndefined();
  });

  it('follows path aliases to the same file from anywhere', () => {
    expect(resolve('src/main.ts', '@shared/index')).toBe(
      'packages/shared/src/index.ts',
    );
    expect(resolve('src/lib/deep.ts', '@shared/index')).toBe(
      'packages/shared/src/index.ts',
    );
  });
});

describe('joinRelative', () => {
  it.each([
    ['src/a', './b'],
    ['src/a', '../b'],
    ['src/a', '../../b'],
    ['src/a', '../../../b'],
    ['.', './b'],
    ['.', '../b'],
    ['src', './a/./b'],
    ['src', './a//b'],
    ['src', '.'],
    ['src', '..'],
    ['src/a', './b.js'],
    ['a/b/c', '../../x/../y'],
  ])('joins %s and %s as posix.normalize(posix.join()) does', (dir, spec) => {
    expect(joinRelative(dir, spec)).toBe(
      posix.normalize(posix.join(dir, spec)),
    );
  });

  it('drops a trailing slash, so the folder index is found', () => {
    expect(joinRelative('src', './lib/')).toBe('src/lib');
    const resolve = createModuleResolver(['src/lib/index.ts']);
    expect(resolve('src/main.ts', './lib/')).toBe('src/lib/index.ts');
  });
});

describe('createModuleResolver with many aliases', () => {
  it('tries the aliases a specifier can match in their order, whatever their kind', () => {
    const resolve = createModuleResolver(
      [
        'libs/a/src/x.ts',
        'root/@acme/a/y.ts',
        'vendor/a/y.ts',
        'vendor/c/z.ts',
        'pkgs/b/src/index.ts',
      ],
      [
        ['@acme/b', ['pkgs/b/src/index']],
        ['@acme/a/*', ['libs/a/src/*']],
        ['*', ['root/*']],
        ['@acme/*', ['vendor/*']],
      ],
    );
    expect(resolve('main.ts', '@acme/a/x')).toBe('libs/a/src/x.ts');
    expect(resolve('main.ts', '@acme/b')).toBe('pkgs/b/src/index.ts');
    // `*` comes before `@acme/*`: its target is tried, and found, first.
    expect(resolve('main.ts', '@acme/a/y')).toBe('root/@acme/a/y.ts');
    expect(resolve('main.ts', '@acme/c/z')).toBe('vendor/c/z.ts');
    expect(resolve('other.ts', 'lodash')).toBeUndefined();
  });
});
