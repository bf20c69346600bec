import type { OptionValue } from '../../model/types.js';
import { codeSpan } from '../markdown/code-span.js';
import type { ReportContext } from './report-context.js';

/**
 * The value of an option as the code states it: `3`, or `3` via
 * `RETRY_ATTEMPTS`, or the expression text when it is dynamic. A `unit`
 * (`s`, `ms`) follows the value.
 */
export function optionText(option: OptionValue, unit?: string): string {
  const suffix = unit === undefined ? '' : ` ${unit}`;
  if (option.source === 'expression' || option.value === undefined) {
    return `${codeSpan(option.text)}${suffix}`;
  }
  const value = `${codeSpan(JSON.stringify(option.value))}${suffix}`;
  if (
    option.source === 'constant' &&
    option.text !== JSON.stringify(option.value)
  ) {
    return `${value} via ${codeSpan(option.text)}`;
  }
  return value;
}

/** An option's value followed by where it was written. */
export function formatOption(option: OptionValue, ctx: ReportContext): string {
  return `${optionText(option)} (${ctx.cite(option)})`;
}

/** The numeric value of an option, when it resolved to one. */
export function optionNumber(
  option: OptionValue | undefined,
): number | undefined {
  if (option?.source !== 'expression' && typeof option?.value === 'number') {
    return option.value;
  }
  return undefined;
}
