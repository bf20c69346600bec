import type { Expr } from '../../facts/expr.js';
import { patternOf, stringOf } from '../../facts/expr.js';
import { jsonOf } from '../shared/option-value.js';
import type { RawSchedule } from './types.js';

const TOAD_UNITS = ['days', 'hours', 'minutes', 'seconds', 'milliseconds'];

/**
 * A schedule's pattern or interval as a reviewer reads it, from the resolved
 * expression. A library constant keeps its name (`CronExpression.EVERY_HOUR`)
 * because its value depends on the installed version; anything dynamic
 * keeps its source text in braces.
 */
export function scheduleExpression(
  expr: Expr,
  form: RawSchedule['form'],
): string {
  if (form === 'interval-ms') {
    const ms =
      expr.k === 'lit' && typeof expr.v === 'number'
        ? String(expr.v)
        : patternOf(expr);
    return `every ${ms}ms`;
  }
  if (form === 'interval-object') {
    return `every ${intervalObject(expr)}`;
  }
  const text = stringOf(expr);
  if (text !== undefined) {
    return text;
  }
  if (expr.k === 'ext') {
    return [expr.name, ...expr.path].join('.');
  }
  return expr.k === 'obj' ? expr.text : patternOf(expr);
}

/** `{ minutes: 5 }` reads `5 minutes`; anything unresolved keeps its text. */
function intervalObject(expr: Expr): string {
  const value = jsonOf(expr);
  if (
    value === undefined ||
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value)
  ) {
    return patternOf(expr);
  }
  const parts = TOAD_UNITS.flatMap((unit) => {
    const amount = value[unit];
    return typeof amount === 'number' ? [`${amount} ${unit}`] : [];
  });
  return parts.length > 0 ? parts.join(' ') : expr.text;
}
