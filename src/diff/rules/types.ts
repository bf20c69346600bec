import type { ArchitectureModel, Site } from '../../model/types.js';
import type { Matched } from '../match-by-identity.js';
import type { QueueView } from '../queue-view.js';
import type { FindingSubject, Severity } from '../types.js';

/** What every rule sees: both models and the queues already paired. */
export interface DiffContext {
  base: ArchitectureModel;
  head: ArchitectureModel;
  queues: Matched<QueueView>;
}

/** A finding before the registry adds its rule id, severity and fingerprint. */
export interface FindingDraft {
  subject: FindingSubject;
  /** What base and head items are matched by: `bullmq:emails`, a pattern. */
  identity: string;
  /** Part of the fingerprint: an option key, `added`, `ttl`, ... */
  detail?: string;
  message: string;
  why: string;
  file: string;
  line: number;
  side: 'base' | 'head';
  before?: string;
  after?: string;
}

/** One rule: an id, its default severity, and what it looks for. */
export interface DiffRule {
  id: string;
  severity: Severity;
  /** One line for the rules table and `--help`. */
  summary: string;
  detect(context: DiffContext): FindingDraft[];
}

/** The location fields of a draft from a site on one side. */
export function at(
  site: Site | undefined,
  side: 'base' | 'head',
): { file: string; line: number; side: 'base' | 'head' } {
  return { file: site?.file ?? '', line: site?.line ?? 0, side };
}
