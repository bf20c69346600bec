import type { Expr } from '../../facts/expr.js';
import { patternOf } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import type { OptionValue, Site } from '../../model/types.js';
import { scriptCall, scriptKeyUses } from '../shared/lua-script-keys.js';
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
  const script = family === 'script' ? scriptCall(args) : undefined;
  if (script) {
    return scriptOccurrences(fact, file, keyPrefix, args, script);
  }
  return namedKeys(fact.command, args).map((key) => ({
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

/** Keys of an `eval` whose script is written out: read like the commands it runs. */
function scriptOccurrences(
  fact: CommandFact,
  file: string,
  keyPrefix: OptionValue | undefined,
  args: Expr[],
  script: NonNullable<ReturnType<typeof scriptCall>>,
): KeyOccurrence[] {
  const uses = scriptKeyUses(script.script);
  return namedKeys(fact.command, args).map((key, i) => {
    const use = uses.get(i + 1);
    const ttlExpr = use?.ttl?.argv ? script.argv(use.ttl.argv) : undefined;
    const ttlValue = ttlExpr
      ? optionValue(ttlExpr, file)
      : use?.ttl?.literal !== undefined
        ? {
            source: 'literal' as const,
            value: use.ttl.literal,
            text: String(use.ttl.literal),
            file,
            line: fact.line,
          }
        : undefined;
    const family: CommandFamily = use?.writes ? 'write' : 'script';
    return {
      pattern: patternOf(key),
      ...(keyPrefix ? { keyPrefix } : {}),
      command: fact.command,
      family,
      ...(ttlValue && use?.ttl
        ? { ttl: { value: ttlValue, unit: use.ttl.unit } }
        : {}),
      expires: use?.expires ?? false,
      site: site(file, fact.line, family),
    };
  });
}

/** Key arguments, less spreads (`del(...keys)`): those name no pattern. */
function namedKeys(command: string, args: Expr[]): Expr[] {
  return keyArgs(command, args).filter(
    (key) => !(key.k === 'dyn' && key.text.startsWith('...')),
  );
}
