import type { JsonValue, OptionValue } from '../model/types.js';

/**
 * What two options are compared by: the value when the code states one,
 * whether written in place or through a constant, else the expression text
 * with formatting (spaces, quote style, trailing commas) taken out. Never
 * the file or line.
 */
export function comparableOption(option: OptionValue | undefined): string {
  if (option === undefined) {
    return '';
  }
  if (option.value !== undefined) {
    return `value:${stableJson(option.value)}`;
  }
  const text = option.text
    .replace(/\s+/g, '')
    .replace(/['`]/g, '"')
    .replace(/,(?=[)\]}])/g, '');
  return `expression:${text}`;
}

/** Whether two options differ in what they say, not how they are written. */
export function optionChanged(
  before: OptionValue | undefined,
  after: OptionValue | undefined,
): boolean {
  return comparableOption(before) !== comparableOption(after);
}

/** Longest value shown in a message; longer ones end in `…`. */
const DISPLAY_LIMIT = 80;

/** An option as a reader sees it in a message: `5`, `exponential`, `` `cfg.retries` ``. */
export function displayOption(option: OptionValue | undefined): string {
  if (option === undefined) {
    return 'unset';
  }
  if (option.value === undefined) {
    return `\`${clip(option.text.replace(/\s+/g, ' '))}\``;
  }
  return clip(
    typeof option.value === 'string' ? option.value : stableJson(option.value),
  );
}

function clip(text: string): string {
  return text.length > DISPLAY_LIMIT
    ? `${text.slice(0, DISPLAY_LIMIT - 1)}…`
    : text;
}

/** JSON with object keys sorted, so key order never reads as a change. */
export function stableJson(value: JsonValue): string {
  if (Array.isArray(value)) {
    return `[${value.map(stableJson).join(',')}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson(value[key] ?? null)}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
