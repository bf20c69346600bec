/** Directories that never hold first-party sources worth analyzing. */
const PRUNED_DIRECTORIES = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.turbo',
  '.cache',
  '.yarn',
  'bower_components',
  'vendor',
  '__generated__',
  'generated',
  // Test and sample code builds queues and clients no deployed process runs.
  '__tests__',
  '__mocks__',
  '__fixtures__',
  'test',
  'tests',
  'e2e',
  'integration-tests',
  'fixtures',
  'examples',
]);

/**
 * Test code builds queues and clients that no deployed process runs; a
 * reviewer would be misled by a "queue" that only a spec creates.
 */
const TEST_FILE = /\.(test|spec|e2e-spec|e2e|stories)\.[cm]?[jt]sx?$/;

/** Source extensions the analyzers parse. */
export const SOURCE_EXTENSIONS = [
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.js',
  '.mjs',
  '.cjs',
  '.jsx',
];

const SOURCE_EXTENSION_SET: ReadonlySet<string> = new Set(SOURCE_EXTENSIONS);

/** Non-code files the processes analyzer reads, by file name. */
const MANIFEST_NAMES = new RegExp(
  '^(?:package\\.json|Procfile|Dockerfile.*|.*\\.dockerfile' +
    '|(?:docker-)?compose.*\\.ya?ml|tsconfig\\.json)$',
  'i',
);
/** Two tests, not `dir\/.*\.ya?ml$`: that one is quadratic on a path of many `k8s/` segments. */
const KUBERNETES_DIRECTORY =
  /(^|\/)(k8s|kube|kubernetes|helm|charts|deploy|manifests)\//i;
const YAML_FILE = /\.ya?ml$/i;

export function isPrunedDirectory(name: string): boolean {
  return PRUNED_DIRECTORIES.has(name);
}

/** A pruned folder anywhere in a path: one regex test, no splitting. */
const PRUNED_IN_PATH = new RegExp(
  `(?:^|/)(?:${[...PRUNED_DIRECTORIES]
    .map((name) => name.replace(/[.]/g, '\\.'))
    .join('|')})/`,
);

/** Any of the name rules below, so a kept file costs one test. */
const SKIPPED_NAME = new RegExp(
  [
    '\\.(?:test|spec|e2e-spec|e2e|stories)\\.[cm]?[jt]sx?$',
    '\\.d\\.[mc]?ts$',
    '[.-]min\\.[mc]?js$',
    '\\.bundle\\.[mc]?js$',
  ].join('|'),
);

/**
 * Why a path is out of scope before reading it, or undefined when in scope.
 * Runs on every path of every tree analyzed: a kept path costs two regex
 * tests and no splitting.
 */
export function outOfScope(path: string): string | undefined {
  if (PRUNED_IN_PATH.test(path)) {
    return 'excluded-directory';
  }
  if (!SKIPPED_NAME.test(path)) {
    return undefined;
  }
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (TEST_FILE.test(name)) {
    return 'test';
  }
  if (/\.d\.[mc]?ts$/.test(name)) {
    return 'declaration';
  }
  if (/[.-]min\.[mc]?js$/.test(name) || /\.bundle\.[mc]?js$/.test(name)) {
    return 'minified';
  }
  return undefined;
}

export function isSourcePath(path: string): boolean {
  return SOURCE_EXTENSION_SET.has(path.slice(path.lastIndexOf('.')));
}

export function isManifestPath(path: string): boolean {
  if (isSourcePath(path)) {
    return false;
  }
  return (
    MANIFEST_NAMES.test(path.slice(path.lastIndexOf('/') + 1)) ||
    (YAML_FILE.test(path) && KUBERNETES_DIRECTORY.test(path))
  );
}
