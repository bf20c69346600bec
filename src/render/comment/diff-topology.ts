import type { DiffResult, Finding } from '../../diff/types.js';
import { renderTopology } from '../mermaid/render-topology.js';
import type { TopologyMarks } from '../mermaid/render-topology.js';
import { topologyNodeId } from '../mermaid/topology-node-id.js';

/** Finding subjects that are nodes of the topology diagram. */
const NODE_KINDS = new Set(['queue', 'channel']);

const ADDED_RULES = new Set(['queue-added', 'pubsub-channel-added']);
const REMOVED_RULES = new Set(['queue-removed', 'pubsub-channel-removed']);

type Subject = { kind: string; name: string };

function nodeSubject(finding: Finding): Subject | undefined {
  const subject = finding.subject;
  return subject && NODE_KINDS.has(subject.kind) ? subject : undefined;
}

/**
 * The head topology as Mermaid source with what the diff touched marked:
 * new queues and channels green, removed ones (drawn from the base) red,
 * any other finding's queue or channel amber. Undefined when the head and
 * the removals hold nothing to draw.
 */
export function diffTopology(diff: DiffResult): string | undefined {
  const marks = {
    added: new Set<string>(),
    removed: new Set<string>(),
    changed: new Set<string>(),
  };
  const removedNodes: Subject[] = [];
  for (const finding of diff.findings) {
    const subject = nodeSubject(finding);
    if (!subject) {
      continue;
    }
    const id = topologyNodeId(subject.kind, subject.name);
    if (ADDED_RULES.has(finding.rule)) {
      marks.added.add(id);
    } else if (REMOVED_RULES.has(finding.rule)) {
      removedNodes.push(subject);
    } else {
      marks.changed.add(id);
    }
  }

  const source = renderTopology(diff.headModel, marks satisfies TopologyMarks, {
    removedNodes,
  });
  return source.includes('\n') ? source : undefined;
}

/** The diagram as a fenced block with a legend, for the comment. */
export function topologySection(diff: DiffResult): string | undefined {
  const source = diffTopology(diff);
  if (source === undefined) {
    return undefined;
  }
  return [
    '#### Topology after this change',
    '',
    'Green: added · red, dashed: removed · amber: changed.',
    '',
    '```mermaid',
    source,
    '```',
  ].join('\n');
}
