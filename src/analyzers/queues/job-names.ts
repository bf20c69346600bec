import type { Expr } from '../../facts/expr.js';
import { patternOf } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';

/** One job name a call states, as a pattern. */
export interface JobName {
  /** `send`, `report:{type}`, or `{job.name}`; `*` when no name is given. */
  label: string;
  /** Whether it belongs in `Queue.jobNames`: some part of it is written. */
  known: boolean;
}

const UNNAMED: JobName = { label: '*', known: false };

/**
 * The job names a name argument stands for, one per value of a loop. A
 * name with no written part (`{job.name}`) still scopes per-job options,
 * but says nothing about the queue's purpose, so it is not listed.
 */
export function jobNamesOf(
  name: Expr | undefined,
  file: string,
  resolver: Resolver,
): JobName[] {
  if (!name) {
    return [UNNAMED];
  }
  const values = resolver.expand(name, file);
  return values.map((value) => ({
    label: patternOf(value),
    known: hasWrittenPart(value),
  }));
}

function hasWrittenPart(value: Expr): boolean {
  if (value.k === 'lit') {
    return typeof value.v === 'string';
  }
  return (
    value.k === 'tpl' &&
    value.parts.some((part) => part.k === 'lit' && part.v !== '')
  );
}

/** The names worth listing. */
export function knownNames(names: JobName[]): string[] {
  return names.filter((name) => name.known).map((name) => name.label);
}
