import type { ArchitectureModel } from '../../model/types.js';
import { renderTopology } from '../mermaid/render-topology.js';

/** The Mermaid picture of processes, queues, storage and channels. */
export function topologySection(model: ArchitectureModel): string {
  const heading = '## Multi-Instance Topology';
  const empty =
    model.processes.length === 0 &&
    model.queues.length === 0 &&
    model.pubsub.length === 0 &&
    model.pushPaths.length === 0;
  if (empty) {
    return `${heading}\n\nNo processes, queues or channels found to draw.`;
  }
  const note =
    'Code is tied to a process by file: its entry, its sites, or a folder only ' +
    'that entry lives in. Citations for every node are in the sections below.';
  return `${heading}\n\n${note}\n\n\`\`\`mermaid\n${renderTopology(model)}\n\`\`\``;
}
