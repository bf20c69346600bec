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

type Rule = 'anywhere' | 'word' | 'code';

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

  const countsInText = (
    text: string,
    specifiers: readonly string[],
    path: string,
  ): boolean => {
    if (searched.length === 0) {
      return false;
    }
    const file = new KeywordSite(text, path, specifiers, rules);
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
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

/** Each keyword's rules; a keyword two analyzers list differently counts under either. */
function keywordRules(spec: PrefilterSpec): Map<string, Set<Rule>> {
  const rules = new Map<string, Set<Rule>>();
  const add = (keywords: Iterable<string> | undefined, rule: Rule): void => {
    for (const keyword of keywords ?? []) {
      if (keyword.length > 0) {
        const held = rules.get(keyword) ?? new Set<Rule>();
        held.add(rule);
        rules.set(keyword, held);
      }
    }
  };
  add(spec.keywords, 'anywhere');
  add(spec.wordKeywords, 'word');
  add(spec.codeKeywords, 'code');
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
    private readonly rules: ReadonlyMap<string, ReadonlySet<Rule>>,
  ) {}

  counts(keyword: string, at: number): boolean {
    const rules = this.rules.get(keyword);
    if (!rules) {
      return false;
    }
    const atWordStart = at === 0 || !/[\w$]/.test(this.text[at - 1] ?? '');
    if (!rules.has('anywhere') && !rules.has('code') && !atWordStart) {
      return false;
    }
    const ranges = this.rangesCovering(at);
    if (ranges === undefined || this.judge(rules, atWordStart, at, ranges)) {
      return true;
    }
    // A no from a partial scan stands only if the whole file scans cleanly.
    if (this.scannedUntil === Infinity) {
      return false;
    }
    const whole = this.rangesCovering(Infinity);
    return whole === undefined || this.judge(rules, atWordStart, at, whole);
  }

  private judge(
    rules: ReadonlySet<Rule>,
    atWordStart: boolean,
    at: number,
    ranges: TextRanges,
  ): boolean {
    if (rangeAt(ranges.comments, at)) {
      return false;
    }
    if (rules.has('anywhere') || (rules.has('word') && atWordStart)) {
      return true;
    }
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
