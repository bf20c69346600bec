import type { ArchitectureModel } from '../../model/types.js';
import { mermaidLabel } from './mermaid-label.js';
import type {
  TopologyEdge,
  TopologyGraph,
  TopologyNode,
  TopologyNodeKind,
} from './topology-graph.js';
import { buildTopology } from './topology-graph.js';
import { topologyNodeId } from './topology-node-id.js';

/** Node ids (from `topologyNodeId`) to highlight, as a diff sees them. */
export interface TopologyMarks {
  added: ReadonlySet<string>;
  removed: ReadonlySet<string>;
  changed: ReadonlySet<string>;
}

export interface TopologyOptions {
  /**
   * Nodes that exist only in the base, drawn with the `removed` style.
   * `kind` is one of the kinds `topologyNodeId` documents.
   */
  removedNodes?: readonly { kind: string; name: string }[];
  /** Most nodes drawn before the rest are summed up as "+N more". Default: 40. */
  maxNodes?: number;
}

const KIND_ORDER: TopologyNodeKind[] = [
  'process',
  'queue',
  'channel',
  'redis',
  'broker',
  'clients',
  'producers',
  'consumers',
];

const CLASS_STYLES = {
  added: 'fill:#dafbe1,stroke:#1a7f37,stroke-width:2px',
  removed: 'fill:#ffebe9,stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 5',
  changed: 'fill:#fff8c5,stroke:#9a6700,stroke-width:2px',
} as const;

/**
 * Mermaid flowchart source (without fences) of the model's topology. Marked
 * nodes are styled added (green), removed (red, dashed) or changed (amber)
 * and are kept when the diagram is cut to `maxNodes`.
 */
export function renderTopology(
  model: ArchitectureModel,
  marks?: TopologyMarks,
  options: TopologyOptions = {},
): string {
  const removedNodes = options.removedNodes ?? [];
  const graph = withRemovedNodes(buildTopology(model), removedNodes);
  const allMarks = withRemovedMarks(marks, removedNodes);
  const { nodes, edges, cut } = capNodes(
    graph,
    allMarks,
    options.maxNodes ?? 40,
  );
  const lines = ['flowchart LR'];

  const groups = new Map<string, TopologyNode[]>();
  for (const node of nodes) {
    const key = node.group ?? '';
    groups.set(key, [...(groups.get(key) ?? []), node]);
  }
  for (const [group, members] of groups) {
    lines.push(...groupLines(group, members));
  }
  if (cut > 0) {
    lines.push(`  more_nodes["+${cut} more"]`);
  }

  lines.push(...edges.map(edgeLine));
  lines.push(...classLines(nodes, allMarks));
  return lines.join('\n');
}

function withRemovedNodes(
  graph: TopologyGraph,
  removed: readonly { kind: string; name: string }[],
): TopologyGraph {
  const nodes = [...graph.nodes];
  for (const { kind, name } of removed) {
    const id = topologyNodeId(kind, name);
    if (!nodes.some((node) => node.id === id)) {
      nodes.push({ id, kind: asKind(kind), name, label: `${name} (removed)` });
    }
  }
  return { nodes, edges: graph.edges };
}

/** Base-only nodes are removed whether or not the caller marked them. */
function withRemovedMarks(
  marks: TopologyMarks | undefined,
  removed: readonly { kind: string; name: string }[],
): TopologyMarks | undefined {
  if (removed.length === 0) {
    return marks;
  }
  const ids = removed.map(({ kind, name }) => topologyNodeId(kind, name));
  return {
    added: marks?.added ?? new Set(),
    changed: marks?.changed ?? new Set(),
    removed: new Set([...(marks?.removed ?? []), ...ids]),
  };
}

function asKind(kind: string): TopologyNodeKind {
  return KIND_ORDER.find((known) => known === kind) ?? 'process';
}

/** Keeps marked nodes first, then by kind, and drops edges to cut nodes. */
function capNodes(
  graph: TopologyGraph,
  marks: TopologyMarks | undefined,
  max: number,
): TopologyGraph & { cut: number } {
  const marked = (node: TopologyNode): boolean =>
    markOf(node.id, marks) !== undefined;
  const rank = (node: TopologyNode): number =>
    (marked(node) ? 0 : 100) + KIND_ORDER.indexOf(node.kind);
  const kept = new Set(
    [...graph.nodes]
      .sort((a, b) => rank(a) - rank(b))
      .slice(0, max)
      .map((node) => node.id),
  );
  return {
    nodes: graph.nodes.filter((node) => kept.has(node.id)),
    edges: graph.edges.filter(
      (edge) => kept.has(edge.from) && kept.has(edge.to),
    ),
    cut: graph.nodes.length - kept.size,
  };
}

function groupLines(group: string, members: TopologyNode[]): string[] {
  const nodeLines = members.map(
    (node) => `${group ? '    ' : '  '}${nodeLine(node)}`,
  );
  if (!group) {
    return nodeLines;
  }
  const id = topologyNodeId('group', group);
  return [
    `  subgraph ${id}[${mermaidLabel(`${group} processes`)}]`,
    ...nodeLines,
    '  end',
  ];
}

function nodeLine(node: TopologyNode): string {
  const label = mermaidLabel(node.label);
  switch (node.kind) {
    case 'queue':
      return `${node.id}[[${label}]]`;
    case 'redis':
    case 'broker':
      return `${node.id}[(${label})]`;
    case 'channel':
      return `${node.id}{{${label}}}`;
    case 'clients':
    case 'producers':
    case 'consumers':
      return `${node.id}([${label}])`;
    case 'process':
      return `${node.id}[${label}]`;
  }
}

function edgeLine(edge: TopologyEdge): string {
  const arrow = edge.dotted ? '-.->' : '-->';
  const label = edge.label ? `|${mermaidLabel(edge.label)}|` : '';
  return `  ${edge.from} ${arrow}${label} ${edge.to}`;
}

function markOf(
  id: string,
  marks: TopologyMarks | undefined,
): keyof TopologyMarks | undefined {
  if (!marks) {
    return undefined;
  }
  return (['removed', 'added', 'changed'] as const).find((mark) =>
    marks[mark].has(id),
  );
}

function classLines(
  nodes: TopologyNode[],
  marks: TopologyMarks | undefined,
): string[] {
  const lines: string[] = [];
  for (const mark of ['added', 'removed', 'changed'] as const) {
    const ids = nodes
      .filter((node) => markOf(node.id, marks) === mark)
      .map((node) => node.id);
    if (ids.length > 0) {
      lines.push(
        `  classDef ${mark} ${CLASS_STYLES[mark]}`,
        `  class ${ids.join(',')} ${mark}`,
      );
    }
  }
  return lines;
}
