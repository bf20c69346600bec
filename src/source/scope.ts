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
const MANIFEST_NAMES =
  /^(package\.json|Procfile|Dockerfile.*|.*\.dockerfile|(docker-)?compose.*\.ya?ml|tsconfig\.json)$/i;
/** Two tests, not `dir\/.*\.ya?ml$`: that one is quadratic on a path of many `k8s/` segments. */
const KUBERNETES_DIRECTORY =
  /(^|\/)(k8s|kube|kubernetes|helm|charts|deploy|manifests)\//i;
const YAML_FILE = /\.ya?ml$/i;

export function isPrunedDirectory(name: string): boolean {
  return PRUNED_DIRECTORIES.has(name);
}

/**
 * Why a path is out of scope before reading it, or undefined when in scope.
 * Runs on every path of every tree analyzed, so it walks the folder names
 * in place instead of splitting the path.
 */
export function outOfScope(path: string): string | undefined {
  let start = 0;
  for (let slash = path.indexOf('/'); slash !== -1; ) {
    if (PRUNED_DIRECTORIES.has(path.slice(start, slash))) {
      return 'excluded-directory';
    }
    start = slash + 1;
    slash = path.indexOf('/', start);
  }
  const name = path.slice(start);
  if (!SOURCE_EXTENSION_SET.has(name.slice(name.lastIndexOf('.')))) {
    // The name rules below are all about source files.
    return undefined;
  }
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
  return (
    MANIFEST_NAMES.test(path.slice(path.lastIndexOf('/') + 1)) ||
    (YAML_FILE.test(path) && KUBERNETES_DIRECTORY.test(path))
  );
}
