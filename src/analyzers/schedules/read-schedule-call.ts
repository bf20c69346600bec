import { Node } from 'ts-morph';
import type { CallExpression, ObjectLiteralExpression } from 'ts-morph';
import type { ParsedFile } from '../../facts/parsed-file.js';
import { calleeName, rootIdentifier } from '../shared/call-shape.js';
import { isInstanceTimer } from './instance-timer.js';
import { rawSchedule } from './raw-schedule.js';
import type { RawSchedule } from './types.js';

const AGENDA_MODULES = new Set(['agenda', '@hokify/agenda']);
/** Timers in browser code poll a UI, not a backend: not a schedule. */
const FRONTEND_MODULES = /^(react|react-dom|vue|svelte|solid-js|preact)(\/|$)/;

/** A schedule registered by a call: node-cron, node-schedule, cron, agenda, setInterval. */
export function readScheduleCall(
  file: ParsedFile,
  call: CallExpression,
): RawSchedule | undefined {
  const callee = call.getExpression();
  const root = rootIdentifier(callee);
  const module = root === undefined ? undefined : file.importOf(root)?.module;
  const name = calleeName(call);
  const args = call.getArguments();
  if (module === 'node-cron' && name === 'schedule') {
    return rawSchedule({
      kind: 'node-cron',
      form: 'cron',
      expression: args[0],
      handler: args[1],
      at: call,
    });
  }
  if (module === 'node-schedule' && name === 'scheduleJob') {
    return nodeSchedule(call, args);
  }
  if (
    module === 'cron' &&
    name === 'from' &&
    Node.isObjectLiteralExpression(args[0])
  ) {
    return cronObject(args[0], call);
  }
  if (module === 'cron' && name === 'job') {
    return rawSchedule({
      kind: 'cron',
      form: 'cron',
      expression: args[0],
      handler: args[1],
      at: call,
    });
  }
  if (
    name === 'every' &&
    Node.isPropertyAccessExpression(callee) &&
    importsAgenda(file)
  ) {
    return agendaEvery(call, args);
  }
  if (
    Node.isIdentifier(callee) &&
    name === 'setInterval' &&
    !file.importOf('setInterval')
  ) {
    return isFrontend(file) || isInstanceTimer(file, call)
      ? undefined
      : rawSchedule({
          kind: 'set-interval',
          form: 'interval-ms',
          expression: args[1],
          handler: args[0],
          at: call,
        });
  }
  return undefined;
}

/** `scheduleJob(rule, fn)` or `scheduleJob('name', rule, fn)`; a Date runs once. */
function nodeSchedule(
  call: CallExpression,
  args: Node[],
): RawSchedule | undefined {
  const named = args.length >= 3 && Node.isStringLiteral(args[0]);
  const rule = named ? args[1] : args[0];
  if (Node.isNewExpression(rule) && rule.getExpression().getText() === 'Date') {
    return undefined;
  }
  const first = args[0];
  return rawSchedule({
    kind: 'node-schedule',
    form: 'cron',
    expression: rule,
    handler: named ? args[2] : args[1],
    at: call,
    task:
      named && Node.isStringLiteral(first)
        ? first.getLiteralValue()
        : undefined,
  });
}

/** `CronJob.from({ cronTime, onTick })` and the object form of `new CronJob`. */
export function cronObject(
  options: ObjectLiteralExpression,
  at: Node,
): RawSchedule {
  const onTick = options.getProperty('onTick');
  return rawSchedule({
    kind: 'cron',
    form: 'cron',
    expression: initializerOf(options, 'cronTime'),
    handler: initializerOf(options, 'onTick'),
    method: Node.isMethodDeclaration(onTick) ? onTick : undefined,
    at,
  });
}

export function initializerOf(
  options: ObjectLiteralExpression,
  name: string,
): Node | undefined {
  const prop = options.getProperty(name);
  if (Node.isPropertyAssignment(prop)) {
    return prop.getInitializer();
  }
  return Node.isShorthandPropertyAssignment(prop)
    ? prop.getNameNode()
    : undefined;
}

/**
 * `agenda.every('5 minutes', 'report')`: Agenda keeps one job document per
 * name and locks it while it runs, so only one instance runs it each time.
 */
function agendaEvery(
  call: CallExpression,
  args: Node[],
): RawSchedule | undefined {
  const job = args[1];
  if (!job || Node.isArrowFunction(job) || Node.isFunctionExpression(job)) {
    return undefined;
  }
  const raw = rawSchedule({
    kind: 'agenda',
    form: 'text',
    expression: args[0],
    at: call,
    task: Node.isStringLiteral(job) ? job.getLiteralValue() : job.getText(),
  });
  raw.evidence ??= {
    guard: 'queue-unique',
    what: 'agenda.every()',
    line: raw.line,
  };
  return raw;
}

function importsAgenda(file: ParsedFile): boolean {
  return file.importsModule((module) => AGENDA_MODULES.has(module));
}

function isFrontend(file: ParsedFile): boolean {
  return (
    /\.(tsx|jsx)$/.test(file.path) ||
    file.importsModule((m) => FRONTEND_MODULES.test(m))
  );
}
