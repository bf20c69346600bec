import { lineOf } from '../../facts/line-of.js';
import type { Decorator, MethodDeclaration, Node } from 'ts-morph';
import { dyn } from '../../facts/expr.js';
import { shortText, toExpr } from '../../facts/to-expr.js';
import type { LocalFunction } from '../shared/local-function.js';
import {
  calledLocalFunctions,
  localFunction,
} from '../shared/local-function.js';
import { handlerGuard } from './handler-guard.js';
import { enclosingNames, registrationGuard } from './registration-context.js';
import { taskName, workCalls } from './task-name.js';
import type { RawSchedule } from './types.js';

/** One schedule as the readers see it, in syntax nodes. */
export interface ScheduleSpec {
  kind: string;
  form: RawSchedule['form'];
  /** The pattern, interval or rule argument. */
  expression: Node | undefined;
  /** The handler argument, when the schedule takes one. */
  handler?: Node;
  /** The decorated method, for decorator schedules. */
  method?: MethodDeclaration;
  /** The node that registers the schedule; its line is cited. */
  at: Node;
  /** A job name the code states, which beats a name read from the handler. */
  task?: string;
  decorators?: Decorator[];
}

export function rawSchedule(spec: ScheduleSpec): RawSchedule {
  const fn: LocalFunction | undefined =
    spec.method ?? localFunction(spec.handler);
  const task = spec.task ?? taskName(spec.handler, fn);
  const runs = new Set([task, ...(fn ? workCalls(fn) : [])]);
  const evidence =
    handlerGuard(fn, spec.decorators) ?? registrationGuard(spec.at);
  const line = lineOf(spec.at);
  const raw: RawSchedule = {
    kind: spec.kind,
    expression: spec.expression
      ? toExpr(spec.expression)
      : dyn(shortText(spec.at), line),
    form: spec.form,
    task,
    runs: [...runs],
    enclosing: enclosingNames(spec.at),
    line,
  };
  if (evidence) {
    raw.evidence = evidence;
  }
  if (fn) {
    raw.handlerLines = [fn, ...calledLocalFunctions(fn)].map((part) => [
      lineOf(part),
      part.getEndLineNumber(),
    ]);
  }
  return raw;
}
