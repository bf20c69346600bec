#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CliIo, Command } from './command.js';
import { commandTable } from './command-table.js';
import { createCliLogger } from './create-cli-logger.js';
import { errorLine } from './error-details.js';
import { UsageError } from './usage-error.js';

/**
 * `scaling-report <command> [args]`: finds the command in the table and
 * runs it. Resolves to the exit code: 0 on success, 2 for a usage error,
 * 1 for anything else. Every error is one line on stderr.
 */
export async function main(
  argv: string[],
  io: CliIo = processIo(),
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h') {
    const usage = await usageText();
    (name === undefined ? io.stderr : io.stdout)(usage);
    return name === undefined ? 2 : 0;
  }

  try {
    const load = commandTable[name];
    if (!load) {
      throw new UsageError(
        `unknown command ${name}; run scaling-report --help`,
      );
    }
    const { command } = await load();
    if (args.includes('--help') || args.includes('-h')) {
      io.stdout(commandHelp(command));
      return 0;
    }
    const log = createCliLogger(io.env, io.stderr);
    return await command.run(args, { io, log });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`scaling-report: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr(`scaling-report: ${errorLine(error)}\n`);
    return 1;
  }
}

async function usageText(): Promise<string> {
  const lines = ['Usage: scaling-report <command> [options]', '', 'Commands:'];
  for (const [name, load] of Object.entries(commandTable)) {
    const { command } = await load();
    lines.push(`  ${name.padEnd(10)} ${command.summary}`);
  }
  lines.push('', 'Run scaling-report <command> --help for its options.');
  return `${lines.join('\n')}\n`;
}

function commandHelp(command: Command): string {
  return `Usage: scaling-report ${command.usage}\n\n${command.summary}\n\n${command.help}\n`;
}

function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  };
}

/** True when this module is the program node started, even through a bin symlink. */
function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (script === undefined) {
    return false;
  }
  try {
    return pathToFileURL(realpathSync(script)).href === import.meta.url;
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await main(process.argv.slice(2));
}
