import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import type { ParsedConfig } from '../../config/parse-config.js';
import { parseConfig } from '../../config/parse-config.js';
import { createPathFilter } from '../../config/path-filter.js';
import {
  CONFIG_PATH,
  defaultConfig,
  formatConfigProblem,
} from '../../config/scaling-report-config.js';
import { diffArchitectures } from '../../diff/diff-architectures.js';
import type { DiffResult, Severity } from '../../diff/types.js';
import { ImportGraphMemo } from '../../pipeline/import-graph.js';
import { analyzeTree } from '../../pipeline/analyze-tree.js';
import { renderComment } from '../../render/comment/render-comment.js';
import type { ResolvedTree } from '../../source/git-tree.js';
import {
  resolveTreeArgument,
  TreeArgumentError,
} from '../../source/git-tree.js';
import type { SourceTree } from '../../source/source-tree.js';
import type { Command, CommandContext } from '../command.js';
import { parseCommandArgs } from '../parse-command-args.js';
import { UsageError } from '../usage-error.js';

const FORMATS = ['markdown', 'json'] as const;
const FAIL_LEVELS = ['warning', 'error'] as const;
const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

const OPTIONS = {
  format: { type: 'string', short: 'f', default: 'markdown' },
  output: { type: 'string', short: 'o' },
  'fail-on': { type: 'string' },
  'repo-url': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `scaling-report diff BASE HEAD`: what a change does to the architecture. */
export const command: Command = {
  usage:
    'diff BASE HEAD [--format markdown|json] [--output FILE] [--fail-on warning|error]',
  summary:
    'Review what HEAD changes in the architecture of BASE, as the PR comment would.',
  help: [
    'BASE and HEAD are each a directory, or a git revision (branch, tag, SHA,',
    'HEAD~1) of the repository around the current directory, read without checkout.',
    '',
    'Options:',
    '  -f, --format FORMAT    markdown (default: the PR comment body) or json',
    '  -o, --output FILE      write to FILE instead of stdout',
    '      --fail-on LEVEL    exit 1 when a finding is at LEVEL (warning, error) or above',
    '      --repo-url URL     link path:line to URL/blob/<sha> (both sides git revisions)',
    '',
    `Rules and paths come from ${CONFIG_PATH} in BASE, as the GitHub App reads`,
    'them from the default branch, so a change cannot relax its own review.',
  ].join('\n'),
  run: diff,
};

async function diff(
  args: string[],
  { io, log }: CommandContext,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  const [baseArg, headArg, ...extra] = positionals;
  if (baseArg === undefined || headArg === undefined || extra.length > 0) {
    throw new UsageError(
      `diff takes BASE and HEAD, got ${positionals.length} arguments`,
    );
  }
  const format = oneOf(FORMATS, values.format, 'format');
  const failOn =
    values['fail-on'] === undefined
      ? undefined
      : oneOf(FAIL_LEVELS, values['fail-on'], 'fail-on level');

  const base = await treeArgument(baseArg, io.cwd);
  const head = await treeArgument(headArg, io.cwd);
  const { config, problems } = await readConfig(base.tree);
  const includePath = createPathFilter(config.paths);
  // Base and head usually list the same files: module resolution is shared.
  const graphs = new ImportGraphMemo(1);
  const baseModel = await analyzeTree(base.tree, {
    log: log.child({ side: 'base' }),
    includePath,
    graphs,
  });
  const headModel = await analyzeTree(head.tree, {
    log: log.child({ side: 'head' }),
    includePath,
    graphs,
  });
  const result = diffArchitectures(baseModel, headModel, {
    rules: config.rules,
  });

  const text =
    format === 'json'
      ? renderDiffJson(result)
      : renderComment(result, {
          baseSha: base.revision,
          headSha: head.revision,
          linkBase: linkBase(values['repo-url'], base, head),
          notes: problems.map(formatConfigProblem),
        });
  await emit(text, values.output, io, log);
  log.info({ findings: result.findings.length, format }, 'diff finished');

  return failOn !== undefined && reaches(result, failOn) ? 1 : 0;
}

/** Whether any finding is at `level` or above. */
function reaches(result: DiffResult, level: Severity): boolean {
  return result.findings.some(
    (finding) => RANK[finding.severity] >= RANK[level],
  );
}

/** Findings and both summaries; the models themselves stay out. */
export function renderDiffJson(result: DiffResult): string {
  const output = {
    findings: result.findings,
    base: result.base,
    head: result.head,
  };
  return `${JSON.stringify(output, null, 2)}\n`;
}

function oneOf<T extends string>(
  allowed: readonly T[],
  value: string | undefined,
  what: string,
): T {
  const found = allowed.find((known) => known === value);
  if (found === undefined) {
    throw new UsageError(
      `unknown ${what} ${value ?? ''}; use one of ${allowed.join(', ')}`,
    );
  }
  return found;
}

async function treeArgument(arg: string, cwd: string): Promise<ResolvedTree> {
  try {
    return await resolveTreeArgument(arg, cwd);
  } catch (error) {
    if (error instanceof TreeArgumentError) {
      throw new UsageError(error.message);
    }
    throw error;
  }
}

/** The base's settings file; problems in it become notes, never a failure. */
async function readConfig(tree: SourceTree): Promise<ParsedConfig> {
  const bytes = await tree.read(CONFIG_PATH);
  if (bytes === undefined) {
    return { config: defaultConfig(), problems: [] };
  }
  return parseConfig(bytes.toString('utf8'), CONFIG_PATH);
}

function linkBase(
  repoUrl: string | undefined,
  base: ResolvedTree,
  head: ResolvedTree,
): { base: string; head: string } | undefined {
  if (repoUrl === undefined) {
    return undefined;
  }
  const isCommit = (revision: string): boolean =>
    /^[0-9a-f]{40}$/.test(revision);
  if (!isCommit(base.revision) || !isCommit(head.revision)) {
    throw new UsageError('--repo-url needs BASE and HEAD to be git revisions');
  }
  const url = repoUrl.replace(/(?<!\/)\/+$/, '');
  return {
    base: `${url}/blob/${base.revision}`,
    head: `${url}/blob/${head.revision}`,
  };
}

async function emit(
  text: string,
  output: string | undefined,
  io: CommandContext['io'],
  log: Logger,
): Promise<void> {
  if (output === undefined) {
    io.stdout(text);
    return;
  }
  const target = resolve(io.cwd, output);
  try {
    await writeFile(target, text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot write ${output}: ${reason}`);
  }
  log.info({ output: target }, 'diff written');
}
