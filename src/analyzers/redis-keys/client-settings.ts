import type { Expr } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import type { OptionValue } from '../../model/types.js';
import { flattenOptions, optionValue } from '../shared/option-value.js';
import type { LocatedClient } from '../shared/redis-client-index.js';

/**
 * Connection settings of a client as written. ioredis takes
 * `(port, host, options)`, `(url, options)` or `(options)`, and a cluster
 * `(nodes, options)`; node-redis takes one options object.
 */
export function clientSettings(
  { file, fact }: LocatedClient,
  resolver: Resolver,
): Record<string, OptionValue> {
  const args = fact.args.map((arg) => resolver.resolve(arg, file));
  if (fact.library === 'redis') {
    return flattenOptions(args[0], file);
  }
  const settings: Record<string, OptionValue> = {};
  const positional = args.filter((arg) => arg.k !== 'obj');
  for (const arg of args) {
    if (arg.k === 'obj') {
      Object.assign(settings, flattenOptions(arg, file));
    }
  }
  Object.assign(settings, positionalSettings(positional, fact.cluster, file));
  return settings;
}

function positionalSettings(
  positional: Expr[],
  cluster: boolean,
  file: string,
): Record<string, OptionValue> {
  const [first, second] = positional;
  if (!first) {
    return {};
  }
  if (cluster) {
    return { nodes: optionValue(first, file) };
  }
  const isPort = first.k === 'lit' && typeof first.v === 'number';
  if (second && (isPort || isHost(second))) {
    return { port: optionValue(first, file), host: optionValue(second, file) };
  }
  // `new Redis(config.redisUrl, config.redisOptions ?? {})`: an options
  // object the resolver could not open is not a host.
  const settings: Record<string, OptionValue> = {
    [isPort ? 'port' : 'url']: optionValue(first, file),
  };
  if (second) {
    settings['options'] = optionValue(second, file);
  }
  return settings;
}

function isHost(arg: Expr): boolean {
  if (arg.k === 'lit') {
    return typeof arg.v === 'string';
  }
  return arg.k === 'tpl' || /host/i.test(arg.text);
}

/** The prefix ioredis adds to every key, for a plain client or a cluster. */
export function keyPrefixOf(
  settings: Record<string, OptionValue>,
): OptionValue | undefined {
  return settings['keyPrefix'] ?? settings['redisOptions.keyPrefix'];
}
