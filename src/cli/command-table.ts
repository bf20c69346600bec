import type { Command } from './command.js';

/**
 * Every command by name. Modules load on first use, so `analyze` never
 * loads the GitHub App. Adding a command is one line here plus its module
 * exporting `command`.
 */
export const commandTable: Record<string, () => Promise<{ command: Command }>> =
  {
    analyze: () => import('./commands/analyze.js'),
    diff: () => import('./commands/diff.js'),
    serve: () => import('./commands/serve.js'),
    worker: () => import('./commands/worker.js'),
  };
