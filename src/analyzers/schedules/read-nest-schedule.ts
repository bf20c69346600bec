import { Node } from 'ts-morph';
import type { Decorator } from 'ts-morph';
import type { ParsedFile } from '../../facts/parsed-file.js';
import { rawSchedule } from './raw-schedule.js';
import type { RawSchedule } from './types.js';

const NEST_SCHEDULE_MODULES = new Set(['@nestjs/schedule', 'nest-schedule']);

/**
 * `@Cron(pattern)` and `@Interval(ms)` / `@Interval('name', ms)` on a method.
 * `@Timeout` runs once, so it is not a schedule.
 */
export function readNestSchedule(
  file: ParsedFile,
  decorator: Decorator,
): RawSchedule | undefined {
  const name = decorator.getName();
  if (name !== 'Cron' && name !== 'Interval') {
    return undefined;
  }
  if (!NEST_SCHEDULE_MODULES.has(file.importOf(name)?.module ?? '')) {
    return undefined;
  }
  const method = decorator.getParent();
  if (!Node.isMethodDeclaration(method)) {
    return undefined;
  }
  const args = decorator.getArguments();
  const cls = method.getParent();
  const className = Node.isClassDeclaration(cls) ? cls.getName() : undefined;
  const methodName = method.getName();
  const raw = rawSchedule({
    kind: 'nestjs-schedule',
    form: name === 'Cron' ? 'cron' : 'interval-ms',
    expression: name === 'Cron' ? args[0] : args[args.length - 1],
    method,
    at: decorator,
    task: className ? `${className}.${methodName}` : methodName,
    decorators: method.getDecorators(),
  });
  raw.runs.push(methodName);
  return raw;
}
