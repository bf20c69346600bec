import pino from 'pino';
import type { Level } from 'pino';
import { BadConfigError } from '../github/server-options-from-env.js';

/** `LOG_LEVEL` for the serve and worker roles. Default `info`. */
export function appLogLevel(env: NodeJS.ProcessEnv): Level | 'silent' {
  const level = env.LOG_LEVEL?.trim() || 'info';
  if (level === 'silent') {
    return level;
  }
  const known = Object.keys(pino.levels.values).find((name) => name === level);
  if (known === undefined) {
    throw new BadConfigError(`LOG_LEVEL ${level} is not a pino level.`);
  }
  return known as Level;
}
