import { patternOf } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import type { OptionValue, Site } from '../../model/types.js';
import { optionValue } from '../shared/option-value.js';
import type { CommandFamily } from '../shared/redis-commands.js';
import { commandFamily, keyArgs } from '../shared/redis-commands.js';
import { setsExpiry, ttlOf } from '../shared/redis-ttl.js';
import { site } from '../shared/site.js';
import type { CommandFact } from './types.js';

/** One key named by one command call. */
export interface KeyOccurrence {
  pattern: string;
  keyPrefix?: OptionValue;
  command: string;
  family: CommandFamily;
  ttl?: { value: OptionValue; unit: 's' | 'ms' };
  /** Whether this call gives the key an expiry (relative or absolute). */
  expires: boolean;
  site: Site;
}

/** The keys a command call on a Redis client names, resolved across files. */
export function keyOccurrences(
  fact: CommandFact,
  file: string,
  keyPrefix: OptionValue | undefined,
  resolver: Resolver,
): KeyOccurrence[] {
  const family = commandFamily(fact.command);
  if (!family) {
    return [];
  }
  const args = fact.args.map((arg) => resolver.resolve(arg, file));
  const ttl = ttlOf(fact.command, args);
  const expires = setsExpiry(fact.command, args);
  return keyArgs(fact.command, args).map((key) => ({
    pattern: patternOf(key),
    ...(keyPrefix ? { keyPrefix } : {}),
    command: fact.command,
    family,
    ...(ttl
      ? { ttl: { value: optionValue(ttl.expr, file), unit: ttl.unit } }
      : {}),
    expires,
    site: site(file, fact.line, family),
  }));
}
