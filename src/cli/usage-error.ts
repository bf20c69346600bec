/**
 * The command line was wrong: an unknown flag or format, a missing or
 * unreadable directory. The CLI prints the message on one line and exits
 * with code 2, the Unix convention for misuse.
 */
export class UsageError extends Error {
  readonly code = 'bad-usage';
  readonly exitCode = 2;

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
