import type { AnalysisJob, AnalysisJobKind } from './analysis-job.js';

const KINDS: readonly AnalysisJobKind[] = [
  'pr',
  'rerequest',
  'command-report',
  'command-diff',
];

const COMMON_STRINGS = [
  'deliveryId',
  'owner',
  'repo',
  'defaultBranch',
  'repoUrl',
] as const;

/** Job data read back from the queue that is not a job this app wrote. */
export class MalformedJobError extends Error {
  readonly code = 'malformed-job';

  constructor(message: string) {
    super(message);
    this.name = 'MalformedJobError';
  }
}

/**
 * Checks job data read back from Redis before a worker acts on it: another
 * version of the app, or anything else with access to the queue, may have
 * written it. Throws {@link MalformedJobError} naming the first bad field.
 */
export function parseAnalysisJob(data: unknown): AnalysisJob {
  if (typeof data !== 'object' || data === null) {
    throw new MalformedJobError('job data is not an object');
  }
  const record = data as Record<string, unknown>;
  const kind = KINDS.find((known) => known === record.kind);
  if (kind === undefined) {
    throw new MalformedJobError(`unknown job kind ${String(record.kind)}`);
  }
  for (const field of COMMON_STRINGS) {
    expectType(record, field, 'string');
  }
  expectType(record, 'installationId', 'number');
  expectType(record, 'pullNumber', 'number');
  if (kind === 'pr' || kind === 'rerequest') {
    expectType(record, 'headSha', 'string');
    expectType(record, 'baseRef', 'string');
  } else {
    expectType(record, 'commentId', 'number');
    expectType(record, 'requestedBy', 'string');
  }
  return record as unknown as AnalysisJob;
}

function expectType(
  record: Record<string, unknown>,
  field: string,
  type: 'string' | 'number',
): void {
  if (typeof record[field] !== type) {
    throw new MalformedJobError(`job field ${field} is not a ${type}`);
  }
}
