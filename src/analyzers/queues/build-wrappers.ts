import type { Expr } from '../../facts/expr.js';
import type { FileFacts } from '../../facts/types.js';
import type { Site } from '../../model/types.js';
import { site } from '../shared/site.js';
import type { BuildState } from './build-state.js';
import { namesOf } from './queue-targets.js';
import type { ConstructItem, WrapperCallItem, WrapperMethod } from './types.js';

/** A recorded call of a wrapper method, with the file it was written in. */
export interface WrapperCall {
  file: string;
  item: WrapperCallItem;
}

/** What one construction inside a wrapper method is, once a call names it. */
export interface WrapperUse {
  name: string;
  site: Site;
  /** The method's parameters bound to that call's arguments. */
  env: ReadonlyMap<string, Expr>;
}

/**
 * `class Bus { createQueue(topic, opts) { return new Queue(topic, opts) } }`:
 * each call `this.bus.createQueue(name, ...)` on a property declared as a
 * `Bus` names one queue. A call passing its own class's constructor
 * parameter (`this.topic`) names one queue per subclass, from the value
 * that subclass passes to `super()`.
 */
export function wrapperUses(
  state: BuildState,
  item: ConstructItem & { method: WrapperMethod },
  file: string,
  role: string,
): WrapperUse[] {
  const nameArg =
    item.expr.k === 'new' || item.expr.k === 'call'
      ? item.expr.args[0]
      : undefined;
  const index =
    nameArg?.k === 'param' ? item.method.params.indexOf(nameArg.name) : -1;
  const wrapper = classAt(state, item.method.cls, file);
  const uses: WrapperUse[] = [];
  for (const call of state.wrapperCalls) {
    const arg = call.item.args[index];
    if (!arg || call.item.method !== item.method.name || !wrapper) {
      continue;
    }
    if (!sameClass(state.resolver.resolve(call.item.cls, call.file), wrapper)) {
      continue;
    }
    const env = bindParams(state, item.method, call);
    for (const [value, at] of namedBy(state, arg, call)) {
      for (const name of namesOf(value, at.file, state.resolver)) {
        uses.push({ name, site: site(at.file, at.line, role), env });
      }
    }
  }
  return uses;
}

function classAt(
  state: BuildState,
  name: string,
  file: string,
): (Expr & { k: 'class' }) | undefined {
  const value = state.resolver.resolve(
    { k: 'ref', name, path: [], text: name, line: 0 },
    file,
  );
  return value.k === 'class' ? value : undefined;
}

function sameClass(a: Expr, b: Expr): boolean {
  return (
    a.k === 'class' && b.k === 'class' && a.file === b.file && a.line === b.line
  );
}

function bindParams(
  state: BuildState,
  method: WrapperMethod,
  call: WrapperCall,
): ReadonlyMap<string, Expr> {
  return new Map(
    method.params.flatMap((param, i) => {
      const arg = call.item.args[i];
      return arg
        ? [
            [
              param,
              { ...state.resolver.resolve(arg, call.file), file: call.file },
            ],
          ]
        : [];
    }),
  );
}

/**
 * The expressions that name the queue at one call, each with where it is
 * written: the argument itself, or what each subclass passes to `super()`.
 */
function namedBy(
  state: BuildState,
  arg: Expr,
  call: WrapperCall,
): [Expr, { file: string; line: number }][] {
  if (arg.k !== 'param' || arg.owner === undefined) {
    return [[arg, { file: call.file, line: call.item.line }]];
  }
  const owner = classAt(state, arg.owner, call.file);
  if (!owner) {
    return [];
  }
  return subclassesOf(state, owner).flatMap(({ file, superArgs }) => {
    const passed = superArgs[arg.index];
    return passed ? [[passed, { file, line: passed.line }]] : [];
  });
}

/**
 * Classes whose `extends` resolves to `owner`, among the files importing
 * the owner's file directly or through one barrel that exports it on.
 */
function subclassesOf(
  state: BuildState,
  owner: Expr & { k: 'class' },
): { file: string; superArgs: Expr[] }[] {
  const found: { file: string; superArgs: Expr[] }[] = [];
  const seen = new Set<string>();
  let frontier = [owner.file ?? ''];
  for (let hop = 0; hop < 2 && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const importer of frontier.flatMap((file) =>
      state.importGraph.importersOf(file),
    )) {
      const facts = seen.has(importer)
        ? undefined
        : state.resolver.factsOf(importer);
      seen.add(importer);
      if (facts) {
        found.push(...extending(state, facts, owner));
        next.push(...(passesOn(facts) ? [importer] : []));
      }
    }
    frontier = next;
  }
  return found;
}

/** A barrel: it re-exports, or exports names it imports. */
function passesOn(facts: FileFacts): boolean {
  const imported = new Set(facts.imports.map((fact) => fact.local));
  return (
    facts.reExports.length > 0 ||
    Object.values(facts.exports).some((local) => imported.has(local))
  );
}

function extending(
  state: BuildState,
  facts: FileFacts,
  owner: Expr,
): { file: string; superArgs: Expr[] }[] {
  return Object.values(facts.bindings).flatMap((binding) =>
    binding.k === 'class' &&
    binding.extends &&
    binding.superArgs &&
    sameClass(state.resolver.resolve(binding.extends, facts.file), owner)
      ? [{ file: facts.file, superArgs: binding.superArgs }]
      : [],
  );
}
