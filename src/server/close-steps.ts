import type { Logger } from 'pino';

/** One named step of a shutdown. */
export type CloseStep = [name: string, close: () => Promise<unknown>];

/**
 * Runs every step in order, even after one fails; each failure is logged
 * with its step, and one error listing them all is thrown at the end.
 */
export async function runCloseSteps(
  steps: readonly CloseStep[],
  log: Logger,
): Promise<void> {
  const failures: unknown[] = [];
  for (const [step, close] of steps) {
    try {
      await close();
      log.debug({ step }, 'shutdown step done');
    } catch (error) {
      log.error({ err: error, step }, 'shutdown step failed');
      failures.push(error);
    }
  }
  if (failures.length > 0) {
    throw new AggregateError(failures, 'Shutdown did not complete cleanly.');
  }
}
