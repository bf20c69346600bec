import { isMap, isScalar, isSeq } from 'yaml';
import type { LineCounter, Node as YamlNode } from 'yaml';
import type { OptionValue } from '../../model/types.js';

/** A parsed YAML source with what is needed to cite its lines. */
export interface YamlSource {
  path: string;
  text: string;
  lines: LineCounter;
}

/** The value under `key` of a YAML mapping node, if it is one. */
export function child(node: unknown, key: string): YamlNode | undefined {
  if (!isMap(node)) {
    return undefined;
  }
  const value = node.get(key, true);
  return value === undefined || value === null ? undefined : value;
}

/** Follows `a.b.c` through nested mappings. */
export function childAt(node: unknown, path: string[]): YamlNode | undefined {
  let current: unknown = node;
  for (const key of path) {
    current = child(current, key);
  }
  return current as YamlNode | undefined;
}

/** 1-based line where a node starts. */
export function lineOf(node: YamlNode | undefined, source: YamlSource): number {
  const start = node?.range?.[0];
  return start === undefined ? 1 : source.lines.linePos(start).line;
}

/** A scalar's string value, or undefined for maps, sequences and non-strings. */
export function stringValue(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string'
    ? node.value
    : undefined;
}

/** Each string of a sequence, or undefined when the node is not a sequence of strings. */
export function stringItems(node: unknown): string[] | undefined {
  if (!isSeq(node)) {
    return undefined;
  }
  const items = node.items.map((item) =>
    isScalar(item) ? String(item.value) : undefined,
  );
  const strings = items.filter((item) => item !== undefined);
  return strings.length === items.length ? strings : undefined;
}

/**
 * A replica count as written: a literal number, or the source text (a
 * template or variable) when it is not one.
 */
export function replicaValue(
  node: YamlNode | undefined,
  source: YamlSource,
): OptionValue | undefined {
  if (!isScalar(node)) {
    return undefined;
  }
  const [start, end] = node.range ?? [0, 0];
  const text = source.text.slice(start, end).trim() || String(node.value);
  const at = { text, file: source.path, line: lineOf(node, source) };
  return typeof node.value === 'number'
    ? { source: 'literal', value: node.value, ...at }
    : { source: 'expression', ...at };
}
