/** `export * from '…'`, the one re-export form that names nothing. */
const EXPORT_STAR_FROM = /\bexport\s*\*\s*from\s*(['"])([^'"\n]+)\1/g;
/** Every `export *` except `export * as ns`, which names its export. */
const EXPORT_STAR = /\bexport\s*\*(?!\s*as\b)/g;

/** Entries a memo holds before it starts afresh. */
const MEMO_LIMIT = 200_000;

/**
 * What the gate learned of file contents, by content hash, kept between
 * analyses: a pull request's base and head share nearly every file, and
 * reading and decoding a monorepo's barrels again was most of a warm
 * analysis. Held in memory.
 */
export class ExportGateMemo {
  /** Content hash -> `export * from` specifiers, or undefined when unsure. */
  readonly starSpecifiers = new Map<string, string[] | undefined>();
  /** `hash\0name` -> whether the text mentions the name. */
  readonly mentions = new Map<string, boolean>();
  /** Content hash -> whether the text may hold an `export … from`. */
  readonly reExports = new Map<string, boolean>();

  /** Drops everything once a map passes the limit, so memory stays bounded. */
  trim(): void {
    if (this.starSpecifiers.size > MEMO_LIMIT) {
      this.starSpecifiers.clear();
    }
    if (this.mentions.size > MEMO_LIMIT) {
      this.mentions.clear();
    }
    if (this.reExports.size > MEMO_LIMIT) {
      this.reExports.clear();
    }
  }
}

/** How the gate reads a file: its text, and its content hash when known. */
export interface GateSource {
  textOf: (path: string) => string | undefined;
  /** Content hash, or undefined or '' when unknown (nothing is memoized then). */
  hashOf?: (path: string) => string | undefined;
  memo?: ExportGateMemo;
}

/**
 * A cheap, text-only answer to "might `path` export `name`?", so a barrel's
 * `export *` members are parsed only when one of them could hold the name.
 * False only when no file reachable from `path` through `export * from`
 * chains mentions the name at all; anything it cannot read or follow is a
 * yes.
 */
export function createExportGate(
  source: GateSource['textOf'] | GateSource,
  resolveModule: (from: string, specifier: string) => string | undefined,
): (path: string, name: string) => boolean {
  const { textOf, hashOf, memo } =
    typeof source === 'function' ? { textOf: source } : source;
  memo?.trim();
  const texts = new Map<string, string | undefined>();
  const read = (path: string): string | undefined => {
    if (!texts.has(path)) {
      texts.set(path, textOf(path));
    }
    return texts.get(path);
  };
  const hashed = (path: string): string | undefined =>
    memo && (hashOf?.(path) || undefined);

  /** `export * from` specifiers of `path`; undefined when unreadable or unsure. */
  const starSpecifiersOf = (path: string): string[] | undefined => {
    const hash = hashed(path);
    if (hash !== undefined && memo?.starSpecifiers.has(hash)) {
      return memo.starSpecifiers.get(hash);
    }
    const text = read(path);
    const specifiers = text === undefined ? undefined : starSpecifiers(text);
    if (hash !== undefined && text !== undefined) {
      memo?.starSpecifiers.set(hash, specifiers);
    }
    return specifiers;
  };

  const mentions = (path: string, name: string): boolean => {
    const hash = hashed(path);
    const key = hash === undefined ? undefined : `${hash}\0${name}`;
    const known = key === undefined ? undefined : memo?.mentions.get(key);
    if (known !== undefined) {
      return known;
    }
    const text = read(path);
    const answer = text?.includes(name) ?? true;
    if (key !== undefined && text !== undefined) {
      memo?.mentions.set(key, answer);
    }
    return answer;
  };

  /** Files reachable through `export *` chains, or undefined when unsure. */
  const closures = new Map<string, string[] | undefined>();
  const closureOf = (path: string): string[] | undefined => {
    if (closures.has(path)) {
      return closures.get(path);
    }
    const reached = new Set([path]);
    const stack = [path];
    let sure = true;
    while (stack.length > 0 && sure) {
      const file = stack.pop() as string;
      const specifiers = starSpecifiersOf(file);
      if (specifiers === undefined) {
        sure = false;
        break;
      }
      for (const specifier of specifiers) {
        // A package's `export *` gives the resolver nothing to follow.
        const target = resolveModule(file, specifier);
        if (target !== undefined && !reached.has(target)) {
          reached.add(target);
          stack.push(target);
        }
      }
    }
    const closure = sure ? [...reached] : undefined;
    closures.set(path, closure);
    return closure;
  };

  const answers = new Map<string, boolean>();
  return (path, name) => {
    const key = `${path}\0${name}`;
    const known = answers.get(key);
    if (known !== undefined) {
      return known;
    }
    const closure = closureOf(path);
    const answer =
      closure === undefined || closure.some((file) => mentions(file, name));
    answers.set(key, answer);
    return answer;
  };
}

/** The `export * from` specifiers of a text; undefined when one is written oddly. */
function starSpecifiers(text: string): string[] | undefined {
  if (!text.includes('export')) {
    return [];
  }
  const specifiers = [...text.matchAll(EXPORT_STAR_FROM)].map(
    (match) => match[2] ?? '',
  );
  const written = text.match(EXPORT_STAR)?.length ?? 0;
  return written === specifiers.length ? specifiers : undefined;
}

/**
 * Every form that can re-export (`export * from`, `export { a } from`,
 * `export type { T } from`) starts this way; so does a plain export list,
 * which only costs a parse.
 */
const EXPORT_LIST_OR_STAR = /\bexport\s*(?:type\s*)?[*{]/;

/**
 * A cheap, text-only answer to "might `path` re-export from another
 * module?": false only when its text holds no `export {` or `export *` at
 * all, so every name it exports is bound in the file itself. Anything it
 * cannot read is a yes.
 */
export function createReExportGate(
  source: GateSource,
): (path: string) => boolean {
  const { textOf, hashOf, memo } = source;
  return (path) => {
    const hash = (memo && hashOf?.(path)) || undefined;
    const known = hash === undefined ? undefined : memo?.reExports.get(hash);
    if (known !== undefined) {
      return known;
    }
    const text = textOf(path);
    const answer = text === undefined || EXPORT_LIST_OR_STAR.test(text);
    if (hash !== undefined && text !== undefined) {
      memo?.reExports.set(hash, answer);
    }
    return answer;
  };
}
