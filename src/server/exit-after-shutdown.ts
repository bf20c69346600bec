import { constants } from 'node:os';
import type { Logger } from 'pino';

/** Milliseconds past the shutdown timeout before the process exits whatever is left. */
export const FORCE_EXIT_GRACE_MS = 5000;

/**
 * The exit rules both roles share. The first signal starts a shutdown; a
 * second one exits at once with 128 + the signal's number.
 */
export class ShutdownSignals {
  private started = false;

  constructor(private readonly log: Logger) {}

  /** True for the first signal; for a later one the process exits now. */
  first(signal: NodeJS.Signals, timeoutMs: number): boolean {
    if (this.started) {
      this.log.warn({ signal }, 'second signal; exiting at once');
      process.exit(128 + (constants.signals[signal] ?? 0));
    }
    this.started = true;
    this.log.info({ signal, timeoutMs }, 'shutdown started');
    return true;
  }

  /** Whether a shutdown is under way (readiness answers 503). */
  get stopping(): boolean {
    return this.started;
  }

  /** Exits 0 after a clean shutdown, 1 when a step failed. */
  exit(clean: boolean): void {
    this.log.info({ clean }, 'shutdown finished');
    process.exit(clean ? 0 : 1);
  }
}
