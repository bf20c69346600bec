import type { Expr } from '../../facts/expr.js';
import { propOf } from '../../facts/expr.js';
import type { Site } from '../../model/types.js';
import { site } from '../shared/site.js';
import type { BuildState } from './build-state.js';
import { jobNamesOf, knownNames } from './job-names.js';
import { jobOptions } from './queue-options.js';
import { namesOf } from './queue-targets.js';

/** Children deeper than this are not followed: no real flow nests so far. */
const MAX_FLOW_DEPTH = 16;

/**
 * `flow.add({ name, queueName, data, opts, children: [...] })` and
 * `flow.addBulk([...])`: every node of the tree adds a job to its own
 * queue, so each `queueName` gets a producer site at the node that names it.
 */
export function addFlow(
  state: BuildState,
  method: string,
  args: Expr[],
  call: Site,
): void {
  if (method !== 'add' && method !== 'addBulk') {
    return;
  }
  const [first] = args;
  const roots =
    method === 'addBulk' && first?.k === 'arr' ? first.items : [first];
  for (const root of roots) {
    if (root) {
      addFlowNode(state, root, call, 0);
    }
  }
}

function addFlowNode(
  state: BuildState,
  node: Expr,
  call: Site,
  depth: number,
): void {
  if (node.k !== 'obj' || depth > MAX_FLOW_DEPTH) {
    return;
  }
  // A node written in this file cites its own line; one from elsewhere, the call.
  const elsewhere = node.file !== undefined && node.file !== call.file;
  const at = elsewhere ? call : site(call.file, node.line, 'producer');
  const queues = namesOf(propOf(node, 'queueName'), call.file, state.resolver);
  const jobs = jobNamesOf(propOf(node, 'name'), call.file, state.resolver);
  const options = jobOptions(propOf(node, 'opts'), call.file);
  for (const queue of queues) {
    for (const job of jobs) {
      state.table.add('bullmq', queue, {
        site: at,
        jobNames: knownNames([job]),
        jobOptions: { job: job.label, options },
      });
    }
  }

  const children = propOf(node, 'children');
  for (const child of children?.k === 'arr' ? children.items : []) {
    addFlowNode(state, child, call, depth + 1);
  }
}
