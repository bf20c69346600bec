import { site } from '../shared/site.js';
import type { DeclaredEntry } from './declared-entry.js';
import { dirOf, execFormCommand } from './declared-entry.js';
import { words } from './parse-command.js';

/** Init wrappers that only pass the command on. */
const PASS_THROUGH = /(^|\/)(tini|dumb-init|docker-entrypoint\.sh)$/;

interface Instruction {
  words: string[];
  line: number;
}

/**
 * The command a Dockerfile's image runs: the last `ENTRYPOINT` and `CMD`,
 * exec or shell form, with init wrappers (tini, dumb-init) dropped. The
 * entry cites the `CMD` line, or the `ENTRYPOINT` line when there is no CMD.
 */
export function readDockerfile(path: string, text: string): DeclaredEntry[] {
  let cmd: Instruction | undefined;
  let entrypoint: Instruction | undefined;
  for (const { keyword, args, line } of instructions(text)) {
    if (keyword === 'CMD') {
      cmd = { words: argumentsOf(args), line };
    } else if (keyword === 'ENTRYPOINT') {
      entrypoint = { words: argumentsOf(args), line };
    }
  }

  const start = entrypoint ? withoutWrappers(entrypoint.words) : [];
  const all = [...start, ...(cmd?.words ?? [])];
  const stated = cmd ?? entrypoint;
  if (!stated || all.length === 0) {
    return [];
  }
  const keyword = cmd ? 'CMD' : 'ENTRYPOINT';
  return [
    {
      name: path,
      origin: 'dockerfile',
      startedBy: `${path} ${keyword}`,
      site: site(path, stated.line, 'entry'),
      command: execFormCommand(all),
      baseDir: dirOf(path),
    },
  ];
}

/** Instructions with continuation lines joined, each at its first line. */
function instructions(
  text: string,
): { keyword: string; args: string; line: number }[] {
  const found: { keyword: string; args: string; line: number }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const first = i + 1;
    let joined = lines[i] ?? '';
    while (joined.trimEnd().endsWith('\\') && i + 1 < lines.length) {
      joined = `${joined.trimEnd().slice(0, -1)} ${lines[++i] ?? ''}`;
    }
    const match = /^\s*([A-Za-z]+)\s+(\S.*|)$/.exec(joined);
    if (
      match?.[1] &&
      match[2] !== undefined &&
      !joined.trimStart().startsWith('#')
    ) {
      found.push({
        keyword: match[1].toUpperCase(),
        args: match[2].trim(),
        line: first,
      });
    }
  }
  return found;
}

/** Exec form `["node", "x.js"]` or shell form `node x.js`. */
function argumentsOf(args: string): string[] {
  if (args.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(args);
      if (
        Array.isArray(parsed) &&
        parsed.every((part) => typeof part === 'string')
      ) {
        return execFormParts(parsed);
      }
    } catch {
      // Not valid JSON: Docker runs it in shell form too.
    }
  }
  return words(args);
}

function execFormParts(parts: string[]): string[] {
  const [first, flag, script] = parts;
  const shell =
    first !== undefined && /(^|\/)(ba)?sh$/.test(first) && flag === '-c';
  return shell && script !== undefined ? words(script) : parts;
}

function withoutWrappers(parts: string[]): string[] {
  let rest = parts;
  while (rest[0] !== undefined && PASS_THROUGH.test(rest[0])) {
    rest = rest.slice(1);
    if (rest[0] === '--') {
      rest = rest.slice(1);
    }
  }
  return rest;
}
