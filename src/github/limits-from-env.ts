import type { TarballLimits } from '../source/tarball-tree.js';

/** The environment variable that sets each archive limit. */
export const TARBALL_LIMIT_ENV: Record<keyof TarballLimits, string> = {
  maxCompressedBytes: 'SCALING_REPORT_MAX_TARBALL_BYTES',
  maxUncompressedBytes: 'SCALING_REPORT_MAX_UNPACKED_BYTES',
  maxFiles: 'SCALING_REPORT_MAX_FILES',
  maxFileBytes: 'SCALING_REPORT_MAX_FILE_BYTES',
};

/**
 * Archive limits set in the environment. A value that is not a positive
 * integer throws, naming the variable: a typo must not silently lift a cap.
 */
export function limitsFromEnv(env: NodeJS.ProcessEnv): Partial<TarballLimits> {
  const limits: Partial<TarballLimits> = {};
  for (const [limit, name] of Object.entries(TARBALL_LIMIT_ENV) as [
    keyof TarballLimits,
    string,
  ][]) {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') {
      continue;
    }
    const value = Number(raw);
    if (!Number.isSafeInteger(value) || value <= 0) {
      throw new Error(
        `${name} must be a positive whole number of ${unitOf(limit)}, not "${raw}".`,
      );
    }
    limits[limit] = value;
  }
  return limits;
}

function unitOf(limit: keyof TarballLimits): string {
  return limit === 'maxFiles' ? 'files' : 'bytes';
}
