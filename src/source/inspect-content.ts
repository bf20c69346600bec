/** Limits on one source file. Defaults suit hand-written code. */
export interface ContentLimits {
  /** Largest file parsed, in bytes. Default 1 MiB. */
  maxFileBytes: number;
  /**
   * Deepest bracket nesting parsed, and a quarter of the longest member
   * chain; deeper files would overflow the parser's stack. Default 400.
   */
  maxNesting: number;
}

export const DEFAULT_CONTENT_LIMITS: ContentLimits = {
  maxFileBytes: 1024 * 1024,
  maxNesting: 400,
};

/** Lines longer than this in a file with few lines mark a minified bundle. */
const MINIFIED_LINE = 2000;

/**
 * Decides whether a source file's content can be analyzed. Returns the text,
 * or the reason it is skipped: too-large, binary, invalid-utf8, then what
 * `inspectText` finds.
 */
export function inspectContent(
  bytes: Buffer,
  limits: ContentLimits = DEFAULT_CONTENT_LIMITS,
): { text: string } | { skip: string } {
  if (bytes.length > limits.maxFileBytes) {
    return { skip: 'too-large' };
  }
  if (bytes.subarray(0, 8000).includes(0)) {
    return { skip: 'binary' };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { skip: 'invalid-utf8' };
  }
  return inspectText(text, limits);
}

/**
 * The checks on decoded text: minified, generated (a marker in the file's
 * header) and too-deep.
 */
export function inspectText(
  text: string,
  limits: ContentLimits = DEFAULT_CONTENT_LIMITS,
): { text: string } | { skip: string } {
  if (looksMinified(text)) {
    return { skip: 'minified' };
  }
  if (GENERATED_MARKER.test(text.slice(0, GENERATED_HEADER))) {
    return { skip: 'generated' };
  }
  if (maxNesting(text, limits.maxNesting) > limits.maxNesting) {
    return { skip: 'too-deep' };
  }
  return { text };
}

/** How much of a file's start is searched for a generated-code marker. */
const GENERATED_HEADER = 512;

/**
 * The markers code generators write at the top of what they emit
 * (`@generated`, "auto-generated", Go's "Code generated ... DO NOT EDIT").
 * Such files are data or plumbing nobody reviews in a pull request, and
 * often the largest in a repository. A skipped file is named in the
 * report's analysis notes, so a wrong guess shows.
 */
const GENERATED_MARKER = /@generated\b|\bauto-?generated\b|\bDO NOT EDIT\b/i;

function looksMinified(text: string): boolean {
  if (text.length < MINIFIED_LINE) {
    return false;
  }
  let lines = 1;
  let longest = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    longest = Math.max(longest, i - start);
    start = i + 1;
    lines++;
  }
  longest = Math.max(longest, text.length - start);
  return longest > MINIFIED_LINE && text.length / lines > 300;
}

/**
 * Bracket nesting depth, stopping early past `limit`. Also counts member
 * access links (`.name`, so `).then(` and `a.b.c` alike) in one chain,
 * whose syntax tree nests as deep as the chain is long. A chain ends at `;`
 * or at a line break not followed by a leading `.`.
 */
function maxNesting(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let chain = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) {
          return max;
        }
      }
    } else if (c === 41 || c === 93 || c === 125) {
      depth = Math.max(0, depth - 1);
    } else if (c === 46 && startsName(text.charCodeAt(i + 1))) {
      chain++;
      if (chain > limit * 4) {
        return chain;
      }
    } else if (c === 59 || (c === 10 && !continuesChain(text, i + 1))) {
      chain = 0;
    }
  }
  return max;
}

/** `a-z`, `A-Z`, `_`, `$`, `#` or any non-ASCII letter: the start of a member name. */
function startsName(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    c === 95 ||
    c === 36 ||
    c === 35 ||
    c > 127
  );
}

/** Whether the line starting at `from` continues a chain (`  .then(...)`). */
function continuesChain(text: string, from: number): boolean {
  let i = from;
  while (
    text.charCodeAt(i) === 32 ||
    text.charCodeAt(i) === 9 ||
    text.charCodeAt(i) === 13
  ) {
    i++;
  }
  return (
    text.charCodeAt(i) === 46 ||
    (text.charCodeAt(i) === 63 && text.charCodeAt(i + 1) === 46)
  );
}
