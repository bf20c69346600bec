import { createAppLogger } from '../../github/create-app-logger.js';
import { runServeRole } from '../../server/serve-role.js';
import type { Command, CommandContext } from '../command.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { UsageError } from '../usage-error.js';
import { appLogLevel } from '../../server/app-log-level.js';

/** `scaling-report serve`: the web role. */
export const command: Command = {
  usage: 'serve',
  summary:
    'Run the GitHub App web server: verify webhooks, answer at once, enqueue analyses.',
  help: [
    'Configured by the environment; .env.example documents every variable.',
    'With REDIS_URL, jobs go to BullMQ for `scaling-report worker` processes;',
    'without it, this process runs them. Serves /healthz, /readyz and /metrics.',
    'SIGTERM or SIGINT shuts it down gracefully; a second signal exits at once.',
  ].join('\n'),
  run: serve,
};

async function serve(args: string[], { io }: CommandContext): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length > 0) {
    throw new UsageError('serve takes no arguments; set the environment');
  }
  await runServeRole(io.env, createAppLogger({ level: appLogLevel(io.env) }));
  return 0;
}
