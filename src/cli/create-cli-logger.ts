import pino from 'pino';
import type { Logger } from 'pino';
import { UsageError } from './usage-error.js';

/** Level when `LOG_LEVEL` is unset: the CLI speaks only when a result is degraded. */
const DEFAULT_LEVEL = 'warn';

/**
 * The one root logger of a CLI run: JSON lines to stderr, so stdout holds
 * only the report. The level comes from `LOG_LEVEL`.
 */
export function createCliLogger(
  env: Readonly<Record<string, string | undefined>>,
  write: (line: string) => void,
): Logger {
  const level = env.LOG_LEVEL?.trim() || DEFAULT_LEVEL;
  const levels = Object.keys(pino.levels.values);
  if (level !== 'silent' && !levels.includes(level)) {
    throw new UsageError(
      `LOG_LEVEL ${level} is not one of ${levels.join(', ')}, silent`,
    );
  }
  return pino({ level, base: undefined }, { write });
}
