import { commentRanges, insideRanges } from './comment-ranges.js';

/**
 * The cheap text test that decides which files are parsed at all. A file is
 * a candidate when its text contains any analyzer keyword. The alternation
 * of escaped literals cannot backtrack catastrophically.
 */
export function buildPrefilter(
  keywords: Iterable<string>,
): (text: string) => boolean {
  const all = [...new Set(keywords)].filter((k) => k.length > 0);
  // A keyword that contains another adds nothing but alternation cost: the
  // shorter one already matches. Pruning halves the scan over a large tree.
  const unique = all.filter(
    (k) => !all.some((other) => other !== k && k.includes(other)),
  );
  if (unique.length === 0) {
    return () => false;
  }
  const pattern = new RegExp(unique.map(escapeRegExp).join('|'));
  return (text) => pattern.test(text);
}

/** What the analyzers ask the pre-filter to look for. */
export interface PrefilterSpec {
  /** Matched anywhere outside comments. */
  keywords: Iterable<string>;
  /** Matched outside comments at the start of a word: `cron`, not `Micronesia`. */
  wordKeywords?: Iterable<string>;
  /**
   * A file importing one of these modules (or a subpath of one) is a
   * candidate whatever its text.
   */
  modules?: Iterable<string>;
}

/** The two-stage test that chooses the files worth parsing. */
export interface CandidateTest {
  /** Whether a file with this text and these import specifiers is parsed. */
  isCandidate: (
    text: string,
    specifiers: readonly string[],
    path: string,
  ) => boolean;
  /** Whether an import specifier names a library some analyzer reads. */
  namesLibrary: (specifier: string) => boolean;
}

/**
 * Stage one is one regex over every file. A file it flags is looked at
 * again: a keyword counts only outside comments (TypeScript's scanner finds
 * them, and when it is unsure the whole text counts), and a word keyword
 * only at the start of a word. Module keywords are read from the import
 * specifiers the scan already found.
 */
export function createCandidateTest(spec: PrefilterSpec): CandidateTest {
  const keywords = [...new Set(spec.keywords)].filter((k) => k.length > 0);
  const wordKeywords = new Set(spec.wordKeywords ?? []);
  const modules = new Set(spec.modules ?? []);
  const mentions = buildPrefilter([...keywords, ...wordKeywords]);
  const all = [...new Set([...keywords, ...wordKeywords])];

  const counts = (text: string, keyword: string, at: number): boolean =>
    !(wordKeywords.has(keyword) && at > 0 && /[\w$]/.test(text[at - 1] ?? ''));

  /** The earliest keyword in `text` that passes the word rule, if any. */
  const earliest = (text: string): number => {
    let first = -1;
    for (const keyword of all) {
      const at = text.indexOf(keyword);
      if (
        at !== -1 &&
        (first === -1 || at < first) &&
        counts(text, keyword, at)
      ) {
        first = at;
      }
    }
    return first;
  };

  const countsOutsideComments = (text: string, path: string): boolean => {
    // Most candidates name a library in their imports, near the top: the
    // scan up to the first keyword usually settles it.
    const first = earliest(text);
    if (first !== -1) {
      const head = commentRanges(text, path, first + 1);
      if (head === undefined || !insideRanges(head, first)) {
        return true;
      }
    }
    const comments = commentRanges(text, path);
    for (const keyword of all) {
      for (
        let at = text.indexOf(keyword);
        at !== -1;
        at = text.indexOf(keyword, at + 1)
      ) {
        if (
          counts(text, keyword, at) &&
          !(comments && insideRanges(comments, at))
        ) {
          return true;
        }
      }
    }
    return false;
  };

  /** The module itself or a subpath of it: `bull`, `bull/lib/job`. */
  const namesModule = (specifier: string): boolean => {
    for (
      let end = specifier.length;
      end > 0;
      end = specifier.lastIndexOf('/', end - 1)
    ) {
      if (modules.has(specifier.slice(0, end))) {
        return true;
      }
    }
    return false;
  };

  return {
    isCandidate: (text, specifiers, path) =>
      specifiers.some(namesModule) ||
      (mentions(text) && countsOutsideComments(text, path)),
    namesLibrary: (specifier) =>
      namesModule(specifier) ||
      mentions(specifier) ||
      mentions(`'${specifier}'`),
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `import(`, `from` and `require(` before a quoted specifier. No two
 * unbounded runs are adjacent (`import\s*\(?\s*` took quadratic time on
 * `import` followed by a long run of spaces), and the specifier is bounded.
 */
const IMPORT_SPECIFIER =
  /(?:\bfrom\s*|\bimport\s*(?:\(\s*)?|\brequire\s*\(\s*)(['"])([^'"\n]{1,300})\1/g;

/** Module specifiers a file imports or requires, found by a text scan. */
export function scanImportSpecifiers(text: string): string[] {
  const specifiers: string[] = [];
  const pattern = new RegExp(IMPORT_SPECIFIER);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[2]) {
      specifiers.push(match[2]);
    }
  }
  return specifiers;
}
