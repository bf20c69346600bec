import { posix } from 'node:path';
import type { PathAliases } from './module-resolver.js';

/**
 * Aliases for the packages of a monorepo: `import { X } from '@acme/shared'`
 * names a folder of the same tree, not a library. Each package.json with a
 * name maps that name (and `name/*`) to its sources, trying `src/` first,
 * then the folder itself, then `main` with build output mapped back to src.
 */
export function workspaceAliases(
  manifests: ReadonlyMap<string, string>,
): PathAliases {
  const aliases: PathAliases = [];
  for (const [path, text] of manifests) {
    if (posix.basename(path) !== 'package.json') {
      continue;
    }
    const pkg = parsePackage(text);
    if (!pkg?.name) {
      continue;
    }
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    const at = (rest: string): string => (dir ? posix.join(dir, rest) : rest);
    const targets = [at('src/index'), at('index')];
    if (pkg.main) {
      targets.push(
        at(pkg.main.replace(/^(\.\/)?(dist|build|lib|out)\//, 'src/')),
        at(pkg.main),
      );
    }
    aliases.push([pkg.name, targets]);
    aliases.push([`${pkg.name}/*`, [at('src/*'), at('*')]]);
  }
  return aliases;
}

function parsePackage(
  text: string,
): { name?: string; main?: string } | undefined {
  try {
    const parsed = JSON.parse(text) as unknown;
    if (!parsed || typeof parsed !== 'object') {
      return undefined;
    }
    const { name, main } = parsed as { name?: unknown; main?: unknown };
    return {
      name: typeof name === 'string' ? name : undefined,
      main: typeof main === 'string' ? main : undefined,
    };
  } catch {
    return undefined;
  }
}
