import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { posix } from 'node:path';
import { site } from '../shared/site.js';
import type { DeclaredEntry } from './declared-entry.js';
import { dirOf, execFormCommand } from './declared-entry.js';
import type { YamlSource } from './yaml-node.js';
import {
  child,
  childAt,
  lineOf,
  replicaValue,
  stringItems,
  stringValue,
} from './yaml-node.js';

/**
 * Services of a compose file that run a command: their own `command`, or
 * the CMD of the Dockerfile they `build` from (given by `imageCommand`).
 * Replicas come from `deploy.replicas` or `scale`. Services that only pull
 * an image (redis, postgres) run none of this repository's code.
 */
export function readCompose(
  path: string,
  text: string,
  imageCommand: (dockerfile: string) => DeclaredEntry | undefined,
): DeclaredEntry[] {
  const source: YamlSource = { path, text, lines: new LineCounter() };
  const doc = parseDocument(text, { lineCounter: source.lines });
  const services = child(doc.contents, 'services');
  if (doc.errors.length > 0 || !isMap(services)) {
    return [];
  }
  const entries: DeclaredEntry[] = [];
  for (const pair of services.items) {
    const key = isScalar(pair.key) ? pair.key : undefined;
    const at = key
      ? { name: String(key.value), line: lineOf(key, source) }
      : undefined;
    const entry = at
      ? serviceEntry(at, pair.value, source, imageCommand)
      : undefined;
    if (entry) {
      entries.push(entry);
    }
  }
  return entries;
}

function serviceEntry(
  { name, line: keyLine }: { name: string; line: number },
  service: unknown,
  source: YamlSource,
  imageCommand: (dockerfile: string) => DeclaredEntry | undefined,
): DeclaredEntry | undefined {
  const commandNode = child(service, 'command') ?? child(service, 'entrypoint');
  const written = commandOf(commandNode);
  const build = buildOf(service, source.path);
  const built =
    written === undefined && build ? imageCommand(build.dockerfile) : undefined;
  const command = written ?? built?.command;
  if (command === undefined) {
    return undefined;
  }

  const replicas =
    childAt(service, ['deploy', 'replicas']) ?? child(service, 'scale');
  const line = commandNode ? lineOf(commandNode, source) : keyLine;
  const entry: DeclaredEntry = {
    name,
    origin: 'compose',
    startedBy: `${source.path}#services.${name}`,
    site: site(source.path, line, 'entry'),
    command,
    // Paths in a command are relative to the image's working directory,
    // usually its build context.
    baseDir: build ? build.context : dirOf(source.path),
  };
  const value = replicaValue(replicas, source);
  return value ? { ...entry, replicas: value } : entry;
}

function commandOf(node: unknown): string | undefined {
  const items = stringItems(node);
  return items ? execFormCommand(items) : stringValue(node);
}

/** What a service builds from: `build: .` or `build: { context, dockerfile }`. */
function buildOf(
  service: unknown,
  composePath: string,
): { context: string; dockerfile: string } | undefined {
  const build = child(service, 'build');
  const written = stringValue(build) ?? stringValue(child(build, 'context'));
  if (written === undefined) {
    return undefined;
  }
  const context = posix.normalize(posix.join(dirOf(composePath), written));
  const dockerfile = stringValue(child(build, 'dockerfile')) ?? 'Dockerfile';
  const root = context === '.' ? '' : context;
  return {
    context: root,
    dockerfile: posix.normalize(posix.join(root, dockerfile)),
  };
}
