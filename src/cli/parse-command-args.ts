import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { errorCode, errorLine } from './error-details.js';
import { UsageError } from './usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * `parseArgs` in strict mode, with its errors (unknown flag, missing value)
 * turned into `UsageError`s that name the flag.
 */
export function parseCommandArgs<T extends Options>(
  args: string[],
  options: T,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    if (errorCode(error)?.startsWith('ERR_PARSE_ARGS') === true) {
      // Node's message goes on to explain `--`; the first sentence names the flag.
      throw new UsageError(errorLine(error).split(/\.\s/)[0] ?? '');
    }
    throw error;
  }
}
