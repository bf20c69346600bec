/**
 * What a start command runs: a file through a Node runner, another
 * package.json script, a Nest CLI project, or a framework's own server.
 */
export type CommandTarget =
  | { kind: 'file'; path: string }
  | { kind: 'script'; name: string }
  | { kind: 'nest'; project?: string; entryFile?: string }
  | { kind: 'framework'; name: string };

const NODE_RUNNERS = new Set([
  'node',
  'nodejs',
  'ts-node',
  'ts-node-dev',
  'tsnd',
  'tsx',
  'nodemon',
  'babel-node',
  'bun',
  'esno',
  'node-dev',
  'pm2',
  'pm2-runtime',
]);

/** Runner options that take a value as the next word. */
const VALUE_OPTIONS = new Set([
  '-r',
  '--require',
  '--import',
  '--loader',
  '--experimental-loader',
  '--env-file',
  '--title',
  '-C',
  '--conditions',
  '-P',
  '--project',
  '-O',
  '--compilerOptions',
  '--name',
  '-n',
  '-i',
  '--instances',
  '--interpreter',
  '--node-args',
  '--env',
  '-o',
  '--output',
  '--error',
  '--max-memory-restart',
  '-x',
  '--exec',
  '--ext',
  '--ignore',
  '--signal',
  '-d',
  '--delay',
  '--tsconfig',
]);

/** Options of nodemon whose meaning differs from node's `--watch`. */
const NODEMON_VALUE_OPTIONS = new Set(['-w', '--watch', '-e']);

/** Positional words of runners that are not the file: `tsx watch`, `pm2 start`. */
const SUBCOMMANDS = new Set(['watch', 'start', 'run']);

const PACKAGE_MANAGERS = new Set(['npm', 'yarn', 'pnpm']);

/** Splits a shell command into the commands it chains and reads each. */
export function commandTargets(command: string): CommandTarget[] {
  return command
    .split(/&&|\|\||;|\|/)
    .map((segment) => targetOf(words(segment)))
    .filter((target): target is CommandTarget => target !== undefined);
}

/** Shell words, with quotes removed; no expansion is attempted. */
export function words(text: string): string[] {
  const found = text.match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
  return found.map((word) => word.replace(/^(["'])(.*)\1$/, '$2'));
}

function targetOf(all: string[]): CommandTarget | undefined {
  const tokens = withoutPrefixes(all);
  const runner = baseName(tokens[0] ?? '');
  const rest = tokens.slice(1);
  if (NODE_RUNNERS.has(runner)) {
    const file = fileArgument(rest, runner === 'nodemon');
    if (file === undefined) {
      return undefined;
    }
    return runner === 'bun' && !/\.[cm]?[jt]sx?$/.test(file)
      ? { kind: 'script', name: file }
      : { kind: 'file', path: file };
  }
  if (PACKAGE_MANAGERS.has(runner)) {
    return scriptTarget(rest);
  }
  if (runner === 'nest' && rest[0] === 'start') {
    return nestTarget(rest.slice(1));
  }
  if ((runner === 'next' && rest[0] === 'start') || runner === 'remix-serve') {
    return { kind: 'framework', name: runner };
  }
  return undefined;
}

/** Drops `VAR=value`, `exec`, `env`, `cross-env` and `dotenv ... --`. */
function withoutPrefixes(tokens: string[]): string[] {
  let rest = tokens;
  for (;;) {
    const first = rest[0];
    if (first === undefined) {
      return rest;
    }
    if (
      /^[A-Za-z_][A-Za-z0-9_]*=/.test(first) ||
      ['exec', 'env', 'cross-env'].includes(first)
    ) {
      rest = rest.slice(1);
    } else if (baseName(first) === 'dotenv' && rest.includes('--')) {
      rest = rest.slice(rest.indexOf('--') + 1);
    } else {
      return rest;
    }
  }
}

function fileArgument(args: string[], nodemon: boolean): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (['-e', '--eval', '-p', '--print'].includes(arg) && !nodemon) {
      return undefined;
    }
    if (VALUE_OPTIONS.has(arg) || (nodemon && NODEMON_VALUE_OPTIONS.has(arg))) {
      i++;
    } else if (!arg.startsWith('-') && !(SUBCOMMANDS.has(arg) && i === 0)) {
      return arg;
    }
  }
  return undefined;
}

/** `npm start`, `npm run worker`, `yarn worker`, `pnpm run start:prod`. */
function scriptTarget(args: string[]): CommandTarget | undefined {
  const positional = args.filter((arg) => !arg.startsWith('-'));
  const [first, second] = positional;
  if (first === 'start' || first === 'test') {
    return { kind: 'script', name: first };
  }
  if (first === 'run' || first === 'run-script') {
    return second === undefined ? undefined : { kind: 'script', name: second };
  }
  return first === undefined || first === 'install'
    ? undefined
    : { kind: 'script', name: first };
}

/** `nest start [project] [--entryFile name]`. */
function nestTarget(args: string[]): CommandTarget {
  const target: CommandTarget = { kind: 'nest' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--entryFile') {
      target.entryFile = args[++i];
    } else if (arg.startsWith('--entryFile=')) {
      target.entryFile = arg.slice('--entryFile='.length);
    } else if (!arg.startsWith('-') && target.project === undefined) {
      target.project = arg;
    }
  }
  return target;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
