import { createHash } from 'node:crypto';
import type { ArchitectureModel } from '../model/types.js';

/**
 * Whole models by a digest of everything an analysis reads (see
 * `modelKey`), held in memory, least recently used first out. A pull
 * request's base is usually a commit other pull requests were analyzed
 * against; its model is the same however often it is asked for.
 */
export class ModelMemo {
  private readonly models = new Map<string, ArchitectureModel>();

  /** @param maxModels models kept. Default 16. */
  constructor(private readonly maxModels = 16) {}

  /** A copy of the model stored under `key`, if any. */
  get(key: string): ArchitectureModel | undefined {
    const model = this.models.get(key);
    if (!model) {
      return undefined;
    }
    this.models.delete(key);
    this.models.set(key, model);
    return structuredClone(model);
  }

  set(key: string, model: ArchitectureModel): void {
    this.models.delete(key);
    this.models.set(key, structuredClone(model));
    if (this.models.size > this.maxModels) {
      const oldest = this.models.keys().next().value;
      if (oldest !== undefined) {
        this.models.delete(oldest);
      }
    }
  }
}

/** What an analysis depends on besides the files themselves. */
export interface ModelInputs {
  /** The analyzers run, by id and in order. */
  analyzers: readonly string[];
  /** Per-file limits, and any other option that changes the result. */
  settings: unknown;
}

/**
 * A digest of the files an analysis reads (every path in scope with its
 * content hash) and of its settings. Undefined when a file's hash is
 * unknown: then nothing can be said to be the same.
 */
export function modelKey(
  files: readonly string[],
  hashOf: (path: string) => string | undefined,
  inputs: ModelInputs,
): string | undefined {
  const lines = [JSON.stringify([inputs.analyzers, inputs.settings])];
  for (const path of files) {
    const hash = hashOf(path);
    if (hash === undefined || hash === '') {
      return undefined;
    }
    lines.push(`${path}\0${hash}`);
  }
  // One update: thousands of small ones cost more than the hashing.
  return createHash('sha1').update(lines.join('\n')).digest('hex');
}
