/*
 * Node's own errors may come from another realm (a test VM, a worker), where
 * `instanceof Error` is false; these read them by shape instead.
 */

/** The system error code (`ENOENT`, `ERR_PARSE_ARGS_UNKNOWN_OPTION`), if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    return typeof error.code === 'string' ? error.code : undefined;
  }
  return undefined;
}

/** The first line of an error's message. */
export function errorLine(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null && 'message' in error
      ? String(error.message)
      : String(error);
  return message.split('\n')[0] ?? '';
}
