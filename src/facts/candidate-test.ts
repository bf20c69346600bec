import type { TextRanges } from './comment-ranges.js';
import { rangeAt, textRanges } from './comment-ranges.js';
import { buildPrefilter, escapeRegExp, withoutSubsumed } from './prefilter.js';

/** What the analyzers ask the pre-filter to look for. */
export interface PrefilterSpec {
  /** Matched anywhere outside comments. */
  keywords: Iterable<string>;
  /** Matched outside comments at the start of a word: `cron`, not `Micronesia`. */
  wordKeywords?: Iterable<string>;
  /**
   * Matched in code only: outside comments, and outside string literals
   * other than an import specifier. For a word a file may hold as data
   * (`redis` in a URL, a page title or a path) that an extractor reads only
   * as code.
   */
  codeKeywords?: Iterable<string>;
  /** Keywords that count outside comments where their guard agrees. */
  guardedKeywords?: Iterable<GuardedKeyword>;
  /**
   * A file importing one of these modules (or a subpath of one) is a
   * candidate whatever its text.
   */
  modules?: Iterable<string>;
}

/** Where a keyword was found: the file's text, the offset and its imports. */
export interface KeywordMatch {
  text: string;
  at: number;
  specifiers: readonly string[];
}

/**
 * A keyword that counts only where the extractor's own condition may hold,
 * read from the text: `.listen(` only on something named like a server or
 * in a file importing a web framework. The guard must never say no where
 * the extractor could say yes.
 */
export interface GuardedKeyword {
  keyword: string;
  mayCount: (match: KeywordMatch) => boolean;
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

/** How one keyword counts; listed by several analyzers, it counts under any. */
interface KeywordRules {
  anywhere: boolean;
  word: boolean;
  code: boolean;
  guards: GuardedKeyword['mayCount'][];
}

/**
 * Stage one is one regex over every file. In a file it flags, each match
 * is looked at in turn until one counts: outside comments (TypeScript's
 * scanner finds them, and when it is unsure the whole text counts), at the
 * start of a word for a word keyword, and in code for a code keyword.
 * Module keywords are read from the import specifiers the scan found.
 */
export function createCandidateTest(spec: PrefilterSpec): CandidateTest {
  const rules = keywordRules(spec);
  const modules = new Set(spec.modules ?? []);
  const all = [...rules.keys()];
  const mentions = buildPrefilter(all);
  const searched = withoutSubsumed(all);
  const pattern = new RegExp(searched.map(escapeRegExp).join('|'), 'g');
  const containers = containersOf(searched, all);

  // The module itself or a subpath of it: `bull`, `bull/lib/job`. Asked
  // of every import of every file, so it is one regex test.
  const modulePattern =
    modules.size === 0
      ? undefined
      : new RegExp(`^(?:${[...modules].map(escapeRegExp).join('|')})(?:/|$)`);
  const namesModule = (specifier: string): boolean =>
    modulePattern?.test(specifier) ?? false;

  const countsInText = (
    text: string,
    specifiers: readonly string[],
    path: string,
  ): boolean => {
    if (searched.length === 0) {
      return false;
    }
    let file: KeywordSite | undefined;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      file ??= new KeywordSite(text, path, specifiers, rules);
      const at = match.index;
      if (file.counts(match[0], at)) {
        return true;
      }
      // A longer keyword around this match may follow other rules.
      for (const [keyword, offset] of containers.get(match[0]) ?? []) {
        const start = at - offset;
        if (
          start >= 0 &&
          text.startsWith(keyword, start) &&
          file.counts(keyword, start)
        ) {
          return true;
        }
      }
      pattern.lastIndex = at + 1;
    }
    return false;
  };

  return {
    isCandidate: (text, specifiers, path) =>
      specifiers.some(namesModule) || countsInText(text, specifiers, path),
    namesLibrary: (specifier) =>
      namesModule(specifier) ||
      mentions(specifier) ||
      mentions(`'${specifier}'`),
  };
}

/** Each keyword's rules, merged across the analyzers that list it. */
function keywordRules(spec: PrefilterSpec): Map<string, KeywordRules> {
  const rules = new Map<string, KeywordRules>();
  const of = (keyword: string): KeywordRules => {
    let held = rules.get(keyword);
    if (!held) {
      held = { anywhere: false, word: false, code: false, guards: [] };
      rules.set(keyword, held);
    }
    return held;
  };
  const add = (
    keywords: Iterable<string> | undefined,
    rule: 'anywhere' | 'word' | 'code',
  ): void => {
    for (const keyword of keywords ?? []) {
      if (keyword.length > 0) {
        of(keyword)[rule] = true;
      }
    }
  };
  add(spec.keywords, 'anywhere');
  add(spec.wordKeywords, 'word');
  add(spec.codeKeywords, 'code');
  for (const { keyword, mayCount } of spec.guardedKeywords ?? []) {
    if (keyword.length > 0) {
      of(keyword).guards.push(mayCount);
    }
  }
  return rules;
}

/**
 * For each searched keyword, the other keywords containing it and where:
 * the regex reports only the searched one, and the longer one may count
 * where it does not (`redis.call` in a Lua script string, where `redis`
 * alone is only read as code).
 */
function containersOf(
  searched: readonly string[],
  all: readonly string[],
): Map<string, [string, number][]> {
  const containers = new Map<string, [string, number][]>();
  for (const inner of searched) {
    for (const outer of all) {
      if (outer === inner) {
        continue;
      }
      for (
        let offset = outer.indexOf(inner);
        offset !== -1;
        offset = outer.indexOf(inner, offset + 1)
      ) {
        const list = containers.get(inner) ?? [];
        list.push([outer, offset]);
        containers.set(inner, list);
      }
    }
  }
  return containers;
}

/** One file's keyword matches, judged with its comments and strings found once. */
class KeywordSite {
  /** Undefined when the scanner was unsure; null until first needed. */
  private ranges: TextRanges | undefined | null = null;
  private scannedUntil = 0;

  constructor(
    private readonly text: string,
    private readonly path: string,
    private readonly specifiers: readonly string[],
    private readonly rules: ReadonlyMap<string, KeywordRules>,
  ) {}

  counts(keyword: string, at: number): boolean {
    const rules = this.rules.get(keyword);
    if (!rules) {
      return false;
    }
    const atWordStart = at === 0 || !/[\w$]/.test(this.text[at - 1] ?? '');
    const match = { text: this.text, at, specifiers: this.specifiers };
    // Counts wherever it is outside a comment: no string rule applies.
    const outsideComments =
      rules.anywhere ||
      (rules.word && atWordStart) ||
      rules.guards.some((mayCount) => mayCount(match));
    if (!outsideComments && !rules.code) {
      return false;
    }
    const judge = (ranges: TextRanges): boolean =>
      !rangeAt(ranges.comments, at) &&
      (outsideComments || this.inCode(at, ranges));
    const ranges = this.rangesCovering(at);
    if (ranges === undefined || judge(ranges)) {
      return true;
    }
    // A no from a partial scan stands only if the whole file scans cleanly.
    if (this.scannedUntil === Infinity) {
      return false;
    }
    const whole = this.rangesCovering(Infinity);
    return whole === undefined || judge(whole);
  }

  /** Outside strings, or inside one that is an import specifier. */
  private inCode(at: number, ranges: TextRanges): boolean {
    const string = rangeAt(ranges.strings, at);
    return (
      string === undefined ||
      this.specifiers.includes(this.text.slice(string[0] + 1, string[1] - 1))
    );
  }

  /**
   * Most candidates name a library in their imports, near the top: the
   * first match is judged from a scan up to it, and the whole file is
   * scanned only when a later match, or a no, needs it.
   */
  private rangesCovering(at: number): TextRanges | undefined {
    if (this.ranges === null) {
      this.scannedUntil = at === Infinity ? Infinity : at + 1;
      this.ranges = textRanges(this.text, this.path, this.scannedUntil);
    } else if (this.ranges !== undefined && at >= this.scannedUntil) {
      this.scannedUntil = Infinity;
      this.ranges = textRanges(this.text, this.path);
    }
    return this.ranges;
  }
}

/** Every keyword list of every analyzer, as one pre-filter spec. */
export function prefilterSpecOf(
  analyzers: readonly PrefilterSpec[],
): PrefilterSpec {
  const every = <T>(list: (spec: PrefilterSpec) => Iterable<T> | undefined) =>
    analyzers.flatMap((analyzer) => [...(list(analyzer) ?? [])]);
  return {
    keywords: every((spec) => spec.keywords),
    wordKeywords: every((spec) => spec.wordKeywords),
    codeKeywords: every((spec) => spec.codeKeywords),
    guardedKeywords: every((spec) => spec.guardedKeywords),
    modules: every((spec) => spec.modules),
  };
}
