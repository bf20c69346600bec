import { Node, SyntaxKind } from 'ts-morph';
import type { NewExpression } from 'ts-morph';
import type { ParsedFile } from '../../facts/parsed-file.js';
import { calleeName, rootIdentifier } from '../shared/call-shape.js';
import { rawSchedule } from './raw-schedule.js';
import { cronObject, initializerOf } from './read-schedule-call.js';
import type { RawSchedule } from './types.js';
import { descendantsOfKind } from '../../facts/descendants.js';

const TOAD_INTERVAL_JOBS = new Set(['SimpleIntervalJob', 'LongIntervalJob']);

/** A schedule built with `new`: `new CronJob(...)` from cron, toad-scheduler jobs. */
export function readScheduleNew(
  file: ParsedFile,
  node: NewExpression,
): RawSchedule | undefined {
  const root = rootIdentifier(node.getExpression());
  const module = root === undefined ? undefined : file.importOf(root)?.module;
  const name = calleeName(node);
  const args = node.getArguments();
  if (module === 'cron' && name === 'CronJob') {
    const first = args[0];
    return Node.isObjectLiteralExpression(first)
      ? cronObject(first, node)
      : rawSchedule({
          kind: 'cron',
          form: 'cron',
          expression: first,
          handler: args[1],
          at: node,
        });
  }
  if (module === 'toad-scheduler' && name !== undefined) {
    return toadJob(name, node, args);
  }
  return undefined;
}

/**
 * `new SimpleIntervalJob({ seconds: 20 }, task)` and
 * `new CronJob({ cronExpression }, task)` from toad-scheduler, where `task`
 * is `new AsyncTask('name', fn)` written in place or in a variable.
 */
function toadJob(
  name: string,
  node: NewExpression,
  args: Node[],
): RawSchedule | undefined {
  const schedule = args[0];
  const isCron = name === 'CronJob';
  if (!TOAD_INTERVAL_JOBS.has(name) && !isCron) {
    return undefined;
  }
  const task = taskConstruction(args[1]);
  const taskName = task?.getArguments()[0];
  return rawSchedule({
    kind: 'toad-scheduler',
    form: isCron ? 'cron' : 'interval-object',
    expression:
      isCron && Node.isObjectLiteralExpression(schedule)
        ? initializerOf(schedule, 'cronExpression')
        : schedule,
    handler: task?.getArguments()[1],
    at: node,
    task: Node.isStringLiteral(taskName)
      ? taskName.getLiteralValue()
      : undefined,
  });
}

function taskConstruction(arg: Node | undefined): NewExpression | undefined {
  if (Node.isNewExpression(arg)) {
    return arg;
  }
  if (!Node.isIdentifier(arg)) {
    return undefined;
  }
  const name = arg.getText();
  const decl = descendantsOfKind(
    arg.getSourceFile(),
    SyntaxKind.VariableDeclaration,
  ).find((d) => d.getName() === name);
  const init = decl?.getInitializer();
  return Node.isNewExpression(init) ? init : undefined;
}
