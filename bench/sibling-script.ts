import { fileURLToPath } from 'node:url';

/**
 * How to run a script beside the calling module in a child process: the
 * compiled `.js` with plain node when the caller is compiled, as the
 * benchmark runs, or the `.ts` through tsx when a developer runs a bench
 * module from source.
 */
export function siblingScript(from: string, name: string): string[] {
  if (from.endsWith('.ts')) {
    return ['--import', 'tsx', fileURLToPath(new URL(`./${name}.ts`, from))];
  }
  return [fileURLToPath(new URL(`./${name}.js`, from))];
}
