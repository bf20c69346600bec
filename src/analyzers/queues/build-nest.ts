import type { Expr } from '../../facts/expr.js';
import { propOf, stringOf } from '../../facts/expr.js';
import type { OptionValue } from '../../model/types.js';
import { optionValue } from '../shared/option-value.js';
import { site } from '../shared/site.js';
import type { BuildState } from './build-state.js';
import { jobNamesOf, knownNames } from './job-names.js';
import type { QueueFamily } from './library-target.js';
import { nestFamily } from './library-target.js';
import { queueOptions, withoutProps } from './queue-options.js';
import { namesOf } from './queue-targets.js';
import type { NestModuleItem, NestProcessorItem } from './types.js';

/** Registration keys that identify the queue rather than configure it. */
const IDENTITY_KEYS = [
  'name',
  'configKey',
  'processors',
  'useFactory',
  'inject',
  'imports',
];

/** `BullModule.forRoot(...)` / `registerQueue(...)` and their async forms. */
export function addNestModule(
  state: BuildState,
  item: NestModuleItem,
  file: string,
): void {
  const family = nestFamily(item.module);
  if (!family) {
    return;
  }
  const args = item.args.map((arg) => state.resolver.resolve(arg, file));
  if (item.method === 'forRoot' || item.method === 'forRootAsync') {
    // `forRoot('name', options)` registers a named configuration.
    const [first, second] = args;
    const configKey = stringOf(first);
    const written = configKey === undefined ? first : second;
    const options =
      item.method === 'forRootAsync'
        ? factoryResult(state, written, file)
        : written;
    state.nestDefaults.push({
      family,
      configKey,
      options: queueOptions(withoutProps(options, IDENTITY_KEYS), file),
      site: site(file, item.line, 'config'),
    });
    return;
  }

  for (const registration of args.flatMap((arg) =>
    registrationsOf(state, arg, file),
  )) {
    const names = namesOf(propOf(registration, 'name'), file, state.resolver);
    const configured =
      item.method === 'registerQueueAsync'
        ? factoryResult(state, registration, file)
        : registration;
    const options = queueOptions(withoutProps(configured, IDENTITY_KEYS), file);
    const configKey = stringOf(propOf(registration, 'configKey'));
    for (const name of names) {
      state.table.add(family, name, {
        site: site(file, item.line, 'definition'),
        nest: true,
        configKey,
        options,
      });
    }
  }
}

/**
 * `registerQueue({ name: 'a' }, { name: 'b' })`, an array of them, or
 * `...QUEUES.map((name) => ({ name }))`, whose callback body is read once
 * per element of QUEUES.
 */
function registrationsOf(state: BuildState, arg: Expr, file: string): Expr[] {
  if (arg.k === 'arr') {
    return arg.items;
  }
  const callback = arg.k === 'call' ? arg.args[0] : undefined;
  if (callback?.k === 'fn' && callback.body) {
    return [state.resolver.resolve(callback.body, callback.file ?? file)];
  }
  return [arg];
}

/** What `useFactory` returns, when its body is one object. */
function factoryResult(
  state: BuildState,
  options: Expr | undefined,
  file: string,
): Expr | undefined {
  const factory = propOf(options, 'useFactory');
  if (factory?.k !== 'fn' || !factory.body) {
    return undefined;
  }
  return state.resolver.resolve(factory.body, factory.file ?? file);
}

/** A class decorated `@Processor(name | { name }, workerOptions?)`. */
export function addNestProcessor(
  state: BuildState,
  item: NestProcessorItem,
  file: string,
): void {
  const family = nestFamily(item.module);
  if (!family) {
    return;
  }
  const [first, second] = item.args.map((arg) =>
    state.resolver.resolve(arg, file),
  );
  const named = first?.k === 'obj' ? propOf(first, 'name') : first;
  const configKey =
    first?.k === 'obj' ? stringOf(propOf(first, 'configKey')) : undefined;
  const cases = item.jobCases.flatMap((expr) =>
    jobNamesOf(expr, file, state.resolver),
  );
  const options = queueOptions(second, file);

  for (const queue of namesOf(named, file, state.resolver)) {
    state.table.add(family, queue, {
      site: site(file, item.line, 'consumer'),
      nest: true,
      configKey,
      jobNames: knownNames(cases),
      options,
    });
    for (const handler of item.handlers) {
      addHandler(state, family, queue, handler, file);
    }
  }
}

/** Bull flavour: `@Process()`, `@Process('name')`, `@Process({ name, concurrency })`. */
function addHandler(
  state: BuildState,
  family: QueueFamily,
  queue: string,
  handler: NestProcessorItem['handlers'][number],
  file: string,
): void {
  const arg = handler.args[0]
    ? state.resolver.resolve(handler.args[0], file)
    : undefined;
  const name = arg?.k === 'obj' ? propOf(arg, 'name') : arg;
  const concurrency = arg?.k === 'obj' ? propOf(arg, 'concurrency') : undefined;
  const options: Record<string, OptionValue> = {};
  if (concurrency) {
    options.concurrency = optionValue(concurrency, file);
  }
  const at = site(file, handler.line, 'consumer');
  for (const job of jobNamesOf(name, file, state.resolver)) {
    state.table.add(family, queue, {
      site: at,
      nest: true,
      jobNames: knownNames([job]),
      jobOptions: { job: job.label, options },
    });
  }
}
