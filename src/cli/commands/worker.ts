import { createAppLogger } from '../../github/create-app-logger.js';
import { runWorkerRole } from '../../server/worker-role.js';
import type { Command, CommandContext } from '../command.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { UsageError } from '../usage-error.js';
import { appLogLevel } from '../../server/app-log-level.js';

/** `scaling-report worker`: the analysis role. */
export const command: Command = {
  usage: 'worker',
  summary: 'Run analyses from the BullMQ queue on Redis (needs REDIS_URL).',
  help: [
    'Configured by the environment; .env.example documents every variable.',
    'Run any number of workers on any number of machines against one Redis.',
    'Serves /healthz, /readyz and /metrics on METRICS_PORT (default 9464).',
    'SIGTERM or SIGINT: running analyses finish for SHUTDOWN_TIMEOUT_MS, the',
    'rest go back to the queue; a second signal exits at once.',
  ].join('\n'),
  run: worker,
};

async function worker(args: string[], { io }: CommandContext): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length > 0) {
    throw new UsageError('worker takes no arguments; set the environment');
  }
  await runWorkerRole(io.env, createAppLogger({ level: appLogLevel(io.env) }));
  return 0;
}
