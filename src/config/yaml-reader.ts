import { isMap, isScalar, isSeq } from 'yaml';
import type { LineCounter, Node } from 'yaml';
import type { ConfigProblem } from './scaling-report-config.js';

/** A key and its value node, with the line the key sits on. */
export interface ConfigEntry {
  key: string;
  value: unknown;
  line: number | undefined;
}

/**
 * Reads YAML nodes into plain values while recording every problem with the
 * line it was found on. A bad value is reported and left out; the caller
 * keeps its default.
 */
export class YamlReader {
  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
    readonly problems: ConfigProblem[],
  ) {}

  lineOf(node: unknown): number | undefined {
    if (!isNodeWithRange(node)) {
      return undefined;
    }
    const offset = node.range?.[0];
    return offset === undefined ? undefined : this.lines.linePos(offset).line;
  }

  report(at: number | undefined, message: string): void {
    this.problems.push({ file: this.file, line: at, message });
  }

  /** The entries of a mapping, or undefined (reported) when `node` is not one. */
  entries(node: unknown, name: string): ConfigEntry[] | undefined {
    if (!isMap(node)) {
      this.report(
        this.lineOf(node),
        `\`${name}\` must be a mapping; it was ignored.`,
      );
      return undefined;
    }
    return node.items.flatMap((pair) => {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (typeof key !== 'string') {
        this.report(
          this.lineOf(pair.key),
          `a key under \`${name}\` is not a string.`,
        );
        return [];
      }
      return [{ key, value: pair.value, line: this.lineOf(pair.key) }];
    });
  }

  /** A scalar's value, or undefined for anything else. */
  scalar(node: unknown): unknown {
    return isScalar(node) ? node.value : undefined;
  }

  oneOf<T extends string>(
    entry: ConfigEntry,
    name: string,
    allowed: readonly T[],
  ): T | undefined {
    const value = this.scalar(entry.value);
    const match = allowed.find((candidate) => candidate === value);
    if (match === undefined) {
      const shown = typeof value === 'string' ? `\`${value}\`` : 'this value';
      const list = allowed.join(', ');
      this.report(
        entry.line,
        `\`${name}\` must be one of ${list}, not ${shown}; the default applies.`,
      );
    }
    return match;
  }

  /** A list of strings (a single string counts as a list of one). */
  stringList(entry: ConfigEntry, name: string): string[] | undefined {
    const single = this.scalar(entry.value);
    if (typeof single === 'string') {
      return [single];
    }
    if (!isSeq(entry.value)) {
      this.report(
        entry.line,
        `\`${name}\` must be a list of globs; it was ignored.`,
      );
      return undefined;
    }
    const values = entry.value.items.map((item) => this.scalar(item));
    if (
      !values.every(
        (value): value is string => typeof value === 'string' && value !== '',
      )
    ) {
      this.report(
        entry.line,
        `\`${name}\` must hold only non-empty strings; it was ignored.`,
      );
      return undefined;
    }
    return values;
  }
}

function isNodeWithRange(node: unknown): node is Node {
  return typeof node === 'object' && node !== null && 'range' in node;
}
