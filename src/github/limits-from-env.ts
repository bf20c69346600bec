import type { AnalysisBudget } from '../pipeline/analysis-budget.js';
import type { TarballLimits } from '../source/tarball-tree.js';

/** The environment variable that sets each archive limit. */
export const TARBALL_LIMIT_ENV: Record<keyof TarballLimits, string> = {
  maxCompressedBytes: 'SCALING_REPORT_MAX_TARBALL_BYTES',
  maxUncompressedBytes: 'SCALING_REPORT_MAX_UNPACKED_BYTES',
  maxFiles: 'SCALING_REPORT_MAX_FILES',
  maxFileBytes: 'SCALING_REPORT_MAX_FILE_BYTES',
};

/** The environment variable that sets each analysis budget. */
export const ANALYSIS_BUDGET_ENV: Record<keyof AnalysisBudget, string> = {
  wallTimeMs: 'SCALING_REPORT_MAX_ANALYSIS_MS',
  heapBytes: 'SCALING_REPORT_MAX_HEAP_BYTES',
};

/**
 * Archive limits set in the environment. A value that is not a positive
 * integer throws, naming the variable: a typo must not silently lift a cap.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Partial<TarballLimits> {
  return positiveIntegers(env, TARBALL_LIMIT_ENV, (limit) =>
    limit === 'maxFiles' ? 'files' : 'bytes',
  );
}

/** Analysis budgets set in the environment; throws on a bad value, as `limitsFromEnv`. */
export function budgetFromEnv(env: NodeJS.ProcessEnv): Partial<AnalysisBudget> {
  return positiveIntegers(env, ANALYSIS_BUDGET_ENV, (budget) =>
    budget === 'wallTimeMs' ? 'milliseconds' : 'bytes',
  );
}

function positiveIntegers<K extends string>(
  env: NodeJS.ProcessEnv,
  names: Record<K, string>,
  unitOf: (key: K) => string,
): Partial<Record<K, number>> {
  const values: Partial<Record<K, number>> = {};
  for (const [key, name] of Object.entries(names) as [K, string][]) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') {
      continue;
    }
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new Error(
        `${name} must be a positive whole number of ${unitOf(key)}, not "${raw}".`,
      );
    }
    values[key] = value;
  }
  return values;
}
