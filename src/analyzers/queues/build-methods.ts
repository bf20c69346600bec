import type { Expr } from '../../facts/expr.js';
import { propOf } from '../../facts/expr.js';
import type { OptionValue, Site } from '../../model/types.js';
import { optionValue } from '../shared/option-value.js';
import { site } from '../shared/site.js';
import type { BuildState } from './build-state.js';
import { addFlow } from './build-flows.js';
import { addedJobs, beeJobOptions, processShape } from './job-calls.js';
import { jobNamesOf, knownNames } from './job-names.js';
import { jobOptions } from './queue-options.js';
import type { QueueTarget } from './queue-targets.js';
import { targetsOf } from './queue-targets.js';
import { jobSchedulerSchedule, repeatSchedule } from './repeat-schedule.js';
import type { MethodItem } from './types.js';

/** What one call on a queue object needs to be read. */
interface Call {
  state: BuildState;
  item: MethodItem;
  file: string;
  args: Expr[];
}

/**
 * A method call whose receiver resolves to a queue or a flow producer:
 * producers (`add`, `addBulk`, `createJob`, `upsertJobScheduler`, flows)
 * and Bull/Bee-Queue consumers (`process`). Calls on anything else are
 * not queue calls and are dropped.
 */
export function addMethodCall(
  state: BuildState,
  item: MethodItem,
  file: string,
): void {
  const targets = targetsOf(item.receiver, file, state.resolver);
  if (targets.length === 0) {
    return;
  }
  const call: Call = {
    state,
    item,
    file,
    args: item.args.map((a) => state.resolver.resolve(a, file)),
  };
  for (const target of targets) {
    if (target.role === 'flow') {
      addFlow(state, item.method, call.args, site(file, item.line, 'producer'));
    } else if (target.role === 'queue') {
      if (target.names.length === 0) {
        state.log.debug(
          { file, line: item.line },
          'queue of a call not resolved; skipped',
        );
      }
      for (const name of target.names) {
        addQueueCall(call, target, name);
      }
    }
  }
}

function addQueueCall(call: Call, target: QueueTarget, queue: string): void {
  switch (call.item.method) {
    case 'add':
    case 'addBulk':
      addJobs(call, target, queue);
      return;
    case 'process':
      addConsumer(call, target, queue);
      return;
    case 'createJob':
      addBeeJob(call, target, queue);
      return;
    case 'upsertJobScheduler':
      addJobScheduler(call, target, queue);
      return;
  }
}

function addJobs(call: Call, target: QueueTarget, queue: string): void {
  const { state, item, file } = call;
  const at = site(file, item.line, 'producer');
  for (const job of addedJobs(
    target.family,
    item.method,
    call.args,
    item.line,
  )) {
    for (const name of jobNamesOf(job.name, file, state.resolver)) {
      state.table.add(target.family, queue, {
        site: at,
        nest: target.nest,
        jobNames: knownNames([name]),
        jobOptions: { job: name.label, options: jobOptions(job.options, file) },
      });
      const repeat = propOf(job.options, 'repeat');
      if (repeat) {
        const task = name.label === '*' ? queue : name.label;
        state.schedules.push(repeatSchedule(target.family, repeat, task, at));
      }
    }
  }
}

function addConsumer(call: Call, target: QueueTarget, queue: string): void {
  const { state, item, file } = call;
  if (target.family === 'bullmq') {
    return;
  }
  const shape = processShape(target.family, call.args);
  const at: Site = site(file, item.line, 'consumer');
  const options: Record<string, OptionValue> = {};
  if (shape.concurrency) {
    options.concurrency = optionValue(shape.concurrency, file);
  }
  const names = shape.name ? jobNamesOf(shape.name, file, state.resolver) : [];
  if (names.length === 0) {
    if (shape.unknown) {
      options['process.arg0'] = optionValue(shape.unknown, file);
    }
    state.table.add(target.family, queue, {
      site: at,
      nest: target.nest,
      options,
    });
  }
  for (const name of names) {
    state.table.add(target.family, queue, {
      site: at,
      nest: target.nest,
      jobNames: knownNames([name]),
      jobOptions: { job: name.label, options },
    });
  }
}

function addBeeJob(call: Call, target: QueueTarget, queue: string): void {
  const { state, item, file } = call;
  const options = Object.fromEntries(
    beeJobOptions(item.chain).map(([key, expr]) => [
      key,
      optionValue(state.resolver.resolve(expr, file), file),
    ]),
  );
  state.table.add(target.family, queue, {
    site: site(file, item.line, 'producer'),
    nest: target.nest,
    jobOptions: { job: '*', options },
  });
}

/**
 * `upsertJobScheduler(id, repeat, { name, data, opts })`; without a
 * template name, BullMQ names the job after the scheduler id.
 */
function addJobScheduler(call: Call, target: QueueTarget, queue: string): void {
  const { state, item, file, args } = call;
  const [id, repeat, template] = args;
  const at = site(file, item.line, 'producer');
  const names = jobNamesOf(
    propOf(template, 'name') ?? id,
    file,
    state.resolver,
  );
  const repeatOptions: Expr | undefined = repeat && {
    k: 'obj',
    props: [['repeat', repeat]],
    spreads: [],
    text: repeat.text,
    line: repeat.line,
  };
  for (const name of names) {
    state.table.add(target.family, queue, {
      site: at,
      nest: target.nest,
      jobNames: knownNames([name]),
      jobOptions: {
        job: name.label,
        options: {
          ...jobOptions(propOf(template, 'opts'), file),
          ...jobOptions(repeatOptions, file),
        },
      },
    });
    state.schedules.push(jobSchedulerSchedule(id, repeat, name.label, at));
  }
}
