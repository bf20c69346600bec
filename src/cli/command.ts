import type { Logger } from 'pino';

/** Where a command writes, so tests can run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Directory relative paths are resolved against. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

export interface CommandContext {
  io: CliIo;
  /** The root logger; commands pass it (or children) down. */
  log: Logger;
}

/** One `scaling-report <name>` command, in `src/cli/commands/<name>.ts`. */
export interface Command {
  /** `analyze [DIR] [options]`: shown in the usage text. */
  usage: string;
  /** One line for the list of commands. */
  summary: string;
  /** Help for `--help`: the options, one per line. */
  help: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: string[], context: CommandContext): Promise<number>;
}
