import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Severity } from '../diff/types.js';
import type {
  ConfigProblem,
  RuleSetting,
  ScalingReportConfig,
} from './scaling-report-config.js';
import { CONFIG_PATH, defaultConfig } from './scaling-report-config.js';
import type { ConfigEntry } from './yaml-reader.js';
import { YamlReader } from './yaml-reader.js';

/** The settings to use, and what was wrong with the file. */
export interface ParsedConfig {
  config: ScalingReportConfig;
  problems: ConfigProblem[];
}

const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];
const FAIL_LEVELS = ['none', 'warning', 'error'] as const;
const COMMENT_MODES = ['update', 'recreate'] as const;
const PERMISSIONS = ['write', 'maintain', 'admin', 'anyone'] as const;

/**
 * Longest file read, in characters. The YAML parser's duplicate-key check
 * is quadratic in the number of keys; a 1 MB file of keys took seconds.
 */
export const MAX_CONFIG_CHARS = 64 * 1024;

/**
 * Validates `.github/scaling-report.yml`. Never throws: each setting that is
 * wrong keeps its default and is reported with its line, so a typo never
 * blocks the analysis.
 */
export function parseConfig(text: string, file = CONFIG_PATH): ParsedConfig {
  const config = defaultConfig();
  if (text.length > MAX_CONFIG_CHARS) {
    const problem =
      `is over ${MAX_CONFIG_CHARS / 1024} KiB, more than any real ` +
      'configuration; defaults apply.';
    return { config, problems: [{ file, message: problem }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const reader = new YamlReader(file, lines, []);

  if (doc.errors.length > 0) {
    for (const error of doc.errors.slice(0, 3)) {
      const line = lines.linePos(error.pos[0]).line;
      reader.report(
        line,
        `is not valid YAML (${firstLine(error.message)}); defaults apply.`,
      );
    }
    return { config, problems: reader.problems };
  }

  const root = doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) {
    return { config, problems: reader.problems };
  }
  if (!isMap(root)) {
    reader.report(
      reader.lineOf(root),
      'the file must be a mapping of settings; defaults apply.',
    );
    return { config, problems: reader.problems };
  }

  for (const entry of reader.entries(root, 'the file') ?? []) {
    readSetting(entry, config, reader);
  }
  return { config, problems: reader.problems };
}

function readSetting(
  entry: ConfigEntry,
  config: ScalingReportConfig,
  reader: YamlReader,
): void {
  switch (entry.key) {
    case 'rules':
      config.rules = readRules(entry, reader);
      return;
    case 'paths':
      readPaths(entry, config, reader);
      return;
    case 'failLevel':
      config.failLevel =
        reader.oneOf(entry, 'failLevel', FAIL_LEVELS) ?? config.failLevel;
      return;
    case 'comment':
      readComment(entry, config, reader);
      return;
    case 'commandPermission':
      config.commandPermission =
        reader.oneOf(entry, 'commandPermission', PERMISSIONS) ??
        config.commandPermission;
      return;
    default:
      reader.report(
        entry.line,
        `unknown setting \`${entry.key}\` was ignored.`,
      );
  }
}

/** `rule: false`, `rule: error`, or `rule: { enabled, severity }`. */
function readRules(
  entry: ConfigEntry,
  reader: YamlReader,
): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const rule of reader.entries(entry.value, 'rules') ?? []) {
    const shorthand = reader.scalar(rule.value);
    if (typeof shorthand === 'boolean') {
      rules[rule.key] = { enabled: shorthand };
      continue;
    }
    if (typeof shorthand === 'string') {
      const severity = reader.oneOf(rule, `rules.${rule.key}`, SEVERITIES);
      if (severity) {
        rules[rule.key] = { severity };
      }
      continue;
    }
    const setting = readRuleSetting(rule, reader);
    if (setting) {
      rules[rule.key] = setting;
    }
  }
  return rules;
}

function readRuleSetting(
  rule: ConfigEntry,
  reader: YamlReader,
): RuleSetting | undefined {
  const fields = reader.entries(rule.value, `rules.${rule.key}`);
  if (!fields) {
    return undefined;
  }
  const setting: RuleSetting = {};
  for (const field of fields) {
    const name = `rules.${rule.key}.${field.key}`;
    if (field.key === 'enabled') {
      const enabled = reader.scalar(field.value);
      if (typeof enabled === 'boolean') {
        setting.enabled = enabled;
      } else {
        reader.report(
          field.line,
          `\`${name}\` must be true or false; it was ignored.`,
        );
      }
    } else if (field.key === 'severity') {
      setting.severity =
        reader.oneOf(field, name, SEVERITIES) ?? setting.severity;
    } else {
      reader.report(field.line, `unknown setting \`${name}\` was ignored.`);
    }
  }
  return setting;
}

function readPaths(
  entry: ConfigEntry,
  config: ScalingReportConfig,
  reader: YamlReader,
): void {
  for (const field of reader.entries(entry.value, 'paths') ?? []) {
    if (field.key === 'include' || field.key === 'exclude') {
      const name = `paths.${field.key}`;
      config.paths[field.key] = boundedGlobs(
        reader.stringList(field, name) ?? [],
        name,
        field.line,
        reader,
      );
    } else {
      reader.report(
        field.line,
        `unknown setting \`paths.${field.key}\` was ignored.`,
      );
    }
  }
}

/** Globs per list and characters per glob: each is tried on every path of the tree. */
export const MAX_GLOBS = 50;
export const MAX_GLOB_LENGTH = 200;

function boundedGlobs(
  globs: string[],
  name: string,
  line: number | undefined,
  reader: YamlReader,
): string[] {
  const kept = globs.filter((glob) => glob.length <= MAX_GLOB_LENGTH);
  if (kept.length < globs.length) {
    reader.report(
      line,
      `\`${name}\` has globs longer than ${MAX_GLOB_LENGTH} characters; they were ignored.`,
    );
  }
  if (kept.length > MAX_GLOBS) {
    reader.report(
      line,
      `\`${name}\` has more than ${MAX_GLOBS} globs; only the first ${MAX_GLOBS} are used.`,
    );
  }
  return kept.slice(0, MAX_GLOBS);
}

function readComment(
  entry: ConfigEntry,
  config: ScalingReportConfig,
  reader: YamlReader,
): void {
  for (const field of reader.entries(entry.value, 'comment') ?? []) {
    if (field.key === 'mode') {
      config.comment.mode =
        reader.oneOf(field, 'comment.mode', COMMENT_MODES) ?? 'update';
    } else {
      reader.report(
        field.line,
        `unknown setting \`comment.${field.key}\` was ignored.`,
      );
    }
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
