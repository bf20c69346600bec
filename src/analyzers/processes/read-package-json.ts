import { site } from '../shared/site.js';
import type { DeclaredEntry } from './declared-entry.js';
import { dirOf } from './declared-entry.js';

/** Scripts that build, check or migrate rather than run a process. */
const TOOLING_WORDS = [
  'test',
  'lint',
  'build',
  'format',
  'typecheck',
  'type-check',
  'migrate',
  'migration',
  'seed',
  'bench',
  'clean',
  'prepare',
  'release',
  'docs?',
  'generate',
  'codegen',
  'e2e',
];
const TOOLING_SCRIPT = new RegExp(
  `^(pre|post)|(^|:)(${TOOLING_WORDS.join('|')})(:|$)`,
);

interface PackageJson {
  scripts: Record<string, string>;
  bin: Record<string, string>;
  main?: string;
}

/** The scripts of a package.json, by name; empty when it is not valid JSON. */
export function packageScripts(text: string): Record<string, string> {
  return parsePackage(text)?.scripts ?? {};
}

/**
 * Process entries a package.json declares: run scripts (not tooling ones),
 * `bin` commands and `main`. Scripts are kept only when their command runs
 * something; see `locate-entry.ts`.
 */
export function readPackageJson(path: string, text: string): DeclaredEntry[] {
  const pkg = parsePackage(text);
  if (!pkg) {
    return [];
  }
  const baseDir = dirOf(path);
  const entries: DeclaredEntry[] = [];
  const scriptsAt = text.indexOf('"scripts"');
  for (const [name, command] of Object.entries(pkg.scripts)) {
    if (!TOOLING_SCRIPT.test(name)) {
      const line = keyLine(text, name, scriptsAt);
      entries.push({
        name,
        origin: 'script',
        startedBy: `${path}#scripts.${name}`,
        site: site(path, line, 'entry'),
        command,
        baseDir,
      });
    }
  }

  const binAt = text.indexOf('"bin"');
  for (const [name, file] of Object.entries(pkg.bin)) {
    const line =
      name === '' ? keyLine(text, 'bin') : keyLine(text, name, binAt);
    const startedBy = name === '' ? `${path}#bin` : `${path}#bin.${name}`;
    entries.push(
      packageEntry(path, name || 'bin', startedBy, line, file, baseDir),
    );
  }
  if (pkg.main) {
    const line = keyLine(text, 'main');
    entries.push(
      packageEntry(path, 'main', `${path}#main`, line, pkg.main, baseDir),
    );
  }
  return entries;
}

function packageEntry(
  path: string,
  name: string,
  startedBy: string,
  line: number,
  file: string,
  baseDir: string,
): DeclaredEntry {
  const at = site(path, line, 'entry');
  return {
    name,
    origin: 'package',
    startedBy,
    site: at,
    command: `node ${file}`,
    baseDir,
  };
}

function parsePackage(text: string): PackageJson | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(data)) {
    return undefined;
  }
  const bin =
    typeof data.bin === 'string' ? { '': data.bin } : stringsOf(data.bin);
  const main = typeof data.main === 'string' ? data.main : undefined;
  return { scripts: stringsOf(data.scripts), bin, main };
}

function stringsOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (typeof item === 'string') {
        out[key] = item;
      }
    }
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** 1-based line of `"key":`, searched from `from` (a section's start). */
function keyLine(text: string, key: string, from = 0): number {
  const escaped = JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`${escaped}\\s*:`, 'g');
  pattern.lastIndex = Math.max(from, 0);
  const index = pattern.exec(text)?.index ?? Math.max(from, 0);
  return text.slice(0, index).split('\n').length;
}
