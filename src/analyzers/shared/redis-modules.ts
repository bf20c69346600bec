import type { RedisClient } from '../../model/types.js';

export type RedisLibrary = RedisClient['library'];

/**
 * Packages whose exports are Redis clients, and the client family each one
 * gives. The NestJS wrappers inject ioredis instances.
 */
const REDIS_MODULES: Record<string, RedisLibrary> = {
  ioredis: 'ioredis',
  redis: 'redis',
  '@redis/client': 'redis',
  iovalkey: 'other',
  '@nestjs-modules/ioredis': 'ioredis',
  '@liaoliaots/nestjs-redis': 'ioredis',
};

/** The client family of a package, or undefined when it is not a Redis client. */
export function redisLibraryOf(module: string): RedisLibrary | undefined {
  return Object.hasOwn(REDIS_MODULES, module)
    ? REDIS_MODULES[module]
    : undefined;
}

/** Whether `module` is a package that exports a Redis client. */
export function isRedisModule(module: string): boolean {
  return redisLibraryOf(module) !== undefined;
}
