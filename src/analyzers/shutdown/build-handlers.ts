import type { Expr } from '../../facts/expr.js';
import { patternOf, stringOf } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import type { ShutdownHandler, Site } from '../../model/types.js';
import { optionValue } from '../shared/option-value.js';
import { site, uniqueSites } from '../shared/site.js';
import type { FileItems } from '../types.js';
import { SHUTDOWN_SIGNALS } from './read-handler.js';
import { resourceNames } from './resource-name.js';
import type {
  RawCloser,
  RawHandler,
  RawShutdownBody,
  RawShutdownFact,
} from './types.js';

/** A body with the file it was written in: a handler may call a helper elsewhere. */
interface PlacedBody {
  body: RawShutdownBody;
  file: string;
}

/** Resolves each handler's triggers, what it closes (by resource name) and its deadline. */
export function buildHandlers(
  facts: FileItems<RawShutdownFact>[],
  resolver: Resolver,
  bindings: ReadonlyMap<string, string>,
): ShutdownHandler[] {
  const closers = closerIndex(facts);
  const handlers: ShutdownHandler[] = [];
  for (const { file, items } of facts) {
    for (const fact of items) {
      if (fact.type !== 'handler') {
        continue;
      }
      const bodies = [
        { body: fact, file },
        ...helperBodies(fact, file, resolver, closers),
      ];
      const closes = closedBy(fact, file, bodies, resolver, bindings);
      const timeout = timeoutOf(fact, file, bodies, resolver);
      const sites = handlerSites(fact, file, bodies);
      for (const trigger of triggersOf(fact.trigger, file, resolver)) {
        handlers.push({
          trigger,
          closes,
          ...(timeout ? { timeout } : {}),
          sites: [...sites],
        });
      }
    }
  }
  return handlers;
}

function closerIndex(
  facts: FileItems<RawShutdownFact>[],
): Map<string, RawCloser> {
  const index = new Map<string, RawCloser>();
  for (const { file, items } of facts) {
    for (const fact of items) {
      if (fact.type === 'closer') {
        index.set(`${file}:${fact.line}`, fact);
      }
    }
  }
  return index;
}

/** Bodies of functions from other files the handler is, or calls. */
function helperBodies(
  fact: RawHandler,
  file: string,
  resolver: Resolver,
  closers: ReadonlyMap<string, RawCloser>,
): PlacedBody[] {
  const refs = fact.handlerRef ? [fact.handlerRef, ...fact.calls] : fact.calls;
  return refs.flatMap((ref) => {
    const fn = resolver.resolve(ref, file);
    const at = fn.k === 'fn' ? (fn.file ?? file) : undefined;
    const closer =
      at === undefined ? undefined : closers.get(`${at}:${fn.line}`);
    return closer && at !== undefined ? [{ body: closer, file: at }] : [];
  });
}

/** `SIGTERM`, every signal of a loop, or a hook name; unresolved ones as written. */
function triggersOf(trigger: Expr, file: string, resolver: Resolver): string[] {
  const values = resolver
    .expand(trigger, file)
    .flatMap((value) => (value.k === 'arr' ? value.items : [value]));
  const names = values.map((value) => {
    const name = stringOf(value);
    return name === undefined ? patternOf(value) : name;
  });
  // Hook names are written by the extractor; anything else must be a shutdown signal.
  const kept = names.filter(
    (name) =>
      trigger.k === 'lit' || SHUTDOWN_SIGNALS.has(name) || name.startsWith('{'),
  );
  return [...new Set(kept)];
}

function closedBy(
  fact: RawHandler,
  file: string,
  bodies: PlacedBody[],
  resolver: Resolver,
  bindings: ReadonlyMap<string, string>,
): string[] {
  const closes = new Set<string>();
  for (const close of fact.implicit) {
    const names = resourceNames(close.receiver, file, resolver);
    const isNest = stringOf(fact.trigger) === 'enableShutdownHooks';
    names
      .filter((name) => !isNest || name === 'server')
      .forEach((name) => closes.add(name));
  }
  for (const { body, file: at } of bodies) {
    for (const close of body.closes) {
      for (const name of resourceNames(close.receiver, at, resolver)) {
        closes.add(bindings.get(`${at}#${name}`) ?? name);
      }
    }
  }
  return [...closes];
}

function timeoutOf(
  fact: RawHandler,
  file: string,
  bodies: PlacedBody[],
  resolver: Resolver,
): ShutdownHandler['timeout'] {
  if (fact.timeoutOption) {
    return optionValue(resolver.resolve(fact.timeoutOption, file), file);
  }
  for (const { body, file: at } of bodies) {
    const first = body.timeouts[0];
    if (first) {
      return optionValue(resolver.resolve(first.ms, at), at);
    }
  }
  return undefined;
}

function handlerSites(
  fact: RawHandler,
  file: string,
  bodies: PlacedBody[],
): Site[] {
  const sites = [site(file, fact.line, 'handler')];
  for (const { body, file: at } of bodies) {
    sites.push(...body.closes.map((close) => site(at, close.line, 'closes')));
    sites.push(
      ...body.timeouts.map((timeout) => site(at, timeout.line, 'timeout')),
    );
  }
  if (fact.timeoutOption) {
    sites.push(site(file, fact.timeoutOption.line, 'timeout'));
  }
  return uniqueSites(sites);
}
