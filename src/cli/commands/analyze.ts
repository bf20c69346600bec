import { readdir, stat, writeFile } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import type { ArchitectureModel } from '../../model/types.js';
import { analyzeTree } from '../../pipeline/analyze-tree.js';
import { renderTopology } from '../../render/mermaid/render-topology.js';
import { renderJson } from '../../render/report/render-json.js';
import { renderReport } from '../../render/report/render-report.js';
import { DirectoryTree } from '../../source/directory-tree.js';
import type { Command, CommandContext } from '../command.js';
import { errorCode, errorLine } from '../error-details.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { UsageError } from '../usage-error.js';

const FORMATS = ['markdown', 'json', 'mermaid'] as const;
type Format = (typeof FORMATS)[number];

const OPTIONS = {
  format: { type: 'string', short: 'f', default: 'markdown' },
  output: { type: 'string', short: 'o' },
  'link-base': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `scaling-report analyze [DIR]`: the architecture report of a checkout. */
export const command: Command = {
  usage: 'analyze [DIR] [--format markdown|json|mermaid] [--output FILE]',
  summary:
    'Report the queue and high-availability architecture of a directory.',
  help: [
    'Options:',
    '  -f, --format FORMAT   markdown (default), json or mermaid',
    '  -o, --output FILE     write to FILE instead of stdout',
    '      --link-base URL   link each path:line under URL (e.g. .../blob/<sha>)',
    '',
    'DIR defaults to the current directory. LOG_LEVEL sets the log level (default warn).',
  ].join('\n'),
  run: analyze,
};

async function analyze(
  args: string[],
  { io, log }: CommandContext,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (positionals.length > 1) {
    throw new UsageError(
      `analyze takes one directory, got ${positionals.length}`,
    );
  }
  const format = parseFormat(values.format);
  const dir = positionals[0] ?? '.';
  const root = resolve(io.cwd, dir);
  await checkDirectory(root, dir);

  const model = await analyzeTree(new DirectoryTree(root), { log });
  const labeled: ArchitectureModel = {
    ...model,
    root: displayRoot(io.cwd, root),
  };
  const text = render(labeled, format, values['link-base']);

  if (values.output === undefined) {
    io.stdout(text);
    return 0;
  }
  const target = resolve(io.cwd, values.output);
  try {
    await writeFile(target, text);
  } catch (error) {
    const reason = errorCode(error) ?? errorLine(error);
    throw new Error(`cannot write ${values.output} (${reason})`);
  }
  log.info({ output: target, format }, 'report written');
  return 0;
}

function parseFormat(value: string | undefined): Format {
  const format = FORMATS.find((known) => known === value);
  if (format === undefined) {
    throw new UsageError(
      `unknown format ${value ?? ''}; use one of ${FORMATS.join(', ')}`,
    );
  }
  return format;
}

async function checkDirectory(path: string, asGiven: string): Promise<void> {
  try {
    const info = await stat(path);
    if (!info.isDirectory()) {
      throw new UsageError(`${asGiven} is not a directory`);
    }
    await readdir(path);
  } catch (error) {
    if (error instanceof UsageError) {
      throw error;
    }
    const code = errorCode(error) ?? 'unreadable';
    throw new UsageError(`cannot read directory ${asGiven} (${code})`);
  }
}

/** The root as a reader knows it: relative to where they ran the CLI. */
function displayRoot(cwd: string, root: string): string {
  const path = relative(cwd, root);
  if (path === '') {
    return basename(root);
  }
  return path.startsWith('..') ? root : path.split('\\').join('/');
}

function render(
  model: ArchitectureModel,
  format: Format,
  linkBase: string | undefined,
): string {
  switch (format) {
    case 'json':
      return renderJson(model);
    case 'mermaid':
      return `${renderTopology(model)}\n`;
    case 'markdown':
      return renderReport(model, linkBase === undefined ? {} : { linkBase });
  }
}
