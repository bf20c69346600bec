import { LineCounter, isMap, isSeq, parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import { site } from '../shared/site.js';
import type { DeclaredEntry } from './declared-entry.js';
import { execFormCommand } from './declared-entry.js';
import type { YamlSource } from './yaml-node.js';
import {
  child,
  childAt,
  lineOf,
  replicaValue,
  stringItems,
  stringValue,
} from './yaml-node.js';

/** Workload kinds whose pods run for as long as the service does. */
const WORKLOADS = new Set(['Deployment', 'StatefulSet']);

/**
 * Deployments and StatefulSets of a (multi-document) Kubernetes manifest
 * whose containers state a `command` or `args`. A container that runs its
 * image's default command cannot be tied to a file and is left out.
 */
export function readKubernetes(path: string, text: string): DeclaredEntry[] {
  const source: YamlSource = { path, text, lines: new LineCounter() };
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      lineCounter: source.lines,
    }) as Document.Parsed[];
  } catch {
    return [];
  }
  if (!Array.isArray(docs)) {
    return [];
  }
  return docs.flatMap((doc) =>
    doc.errors.length > 0 ? [] : workloadEntries(doc.contents, source),
  );
}

function workloadEntries(
  resource: unknown,
  source: YamlSource,
): DeclaredEntry[] {
  const kind = stringValue(child(resource, 'kind'));
  const name = stringValue(childAt(resource, ['metadata', 'name']));
  const containers = childAt(resource, [
    'spec',
    'template',
    'spec',
    'containers',
  ]);
  if (!kind || !WORKLOADS.has(kind) || !name || !isSeq(containers)) {
    return [];
  }
  const replicas = replicaValue(
    childAt(resource, ['spec', 'replicas']),
    source,
  );
  const entries: DeclaredEntry[] = [];
  for (const container of containers.items) {
    const entry = containerEntry(container, name, source);
    if (entry) {
      const startedBy = `${source.path}#${kind}/${name}`;
      entries.push({ ...entry, startedBy, ...(replicas ? { replicas } : {}) });
    }
  }
  const several = entries.length > 1;
  return entries.map((entry) => (several ? entry : { ...entry, name }));
}

function containerEntry(
  container: unknown,
  workload: string,
  source: YamlSource,
): DeclaredEntry | undefined {
  if (!isMap(container)) {
    return undefined;
  }
  const commandNode = child(container, 'command');
  const argsNode = child(container, 'args');
  const parts = [
    ...(stringItems(commandNode) ?? []),
    ...(stringItems(argsNode) ?? []),
  ];
  if (parts.length === 0) {
    return undefined;
  }
  const containerName = stringValue(child(container, 'name')) ?? 'container';
  return {
    name: `${workload}/${containerName}`,
    origin: 'kubernetes',
    startedBy: '',
    site: site(source.path, lineOf(commandNode ?? argsNode, source), 'entry'),
    command: execFormCommand(parts),
    // A container's paths are relative to its image, not to the manifest.
    baseDir: '',
  };
}
