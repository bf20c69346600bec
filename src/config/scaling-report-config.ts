import type { Severity } from '../diff/types.js';

/** Where the repository's settings live, read from the default branch. */
export const CONFIG_PATH = '.github/scaling-report.yml';

/** Lowest finding severity that turns the check run red; `none` never does. */
export type FailLevel = 'none' | 'warning' | 'error';

/**
 * `update` edits one comment in place; `recreate` hides the previous comment
 * as outdated and posts a new one, so the latest result sits at the bottom.
 */
export type CommentMode = 'update' | 'recreate';

/** Lowest repository role allowed to run `/scaling-report`. */
export type CommandPermission = 'write' | 'maintain' | 'admin' | 'anyone';

/** A rule switched off, or given another severity, by the repository. */
export interface RuleSetting {
  enabled?: boolean;
  severity?: Severity;
}

/** The validated content of `.github/scaling-report.yml`. */
export interface ScalingReportConfig {
  /** Per-rule overrides keyed by rule id. Default: none. */
  rules: Record<string, RuleSetting>;
  /**
   * Paths analyzed, as globs (`**` crosses folders, `*` does not). An empty
   * `include` means every path. `exclude` wins over `include`.
   */
  paths: { include: string[]; exclude: string[] };
  /** Default: `none` (the check run is never a failure). */
  failLevel: FailLevel;
  /** Default: `update`. */
  comment: { mode: CommentMode };
  /** Default: `write`. */
  commandPermission: CommandPermission;
}

/** Something wrong in the file; the setting falls back to its default. */
export interface ConfigProblem {
  file: string;
  /** 1-based line in the YAML file, when the problem has a position. */
  line?: number;
  message: string;
}

export function defaultConfig(): ScalingReportConfig {
  return {
    rules: {},
    paths: { include: [], exclude: [] },
    failLevel: 'none',
    comment: { mode: 'update' },
    commandPermission: 'write',
  };
}

/** One line a reviewer can act on: the file, the line, what is wrong. */
export function formatConfigProblem(problem: ConfigProblem): string {
  const where = problem.line === undefined ? '' : ` line ${problem.line}`;
  return `\`${problem.file}\`${where}: ${problem.message}`;
}
