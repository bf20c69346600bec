import type {
  GuardedKeyword,
  KeywordMatch,
} from '../../facts/candidate-test.js';
import { LIFECYCLE_HOOKS } from './read-handler.js';

/**
 * The NestJS lifecycle hooks count where they may be declared as a method,
 * as the extractor reads them (a class method of that name): not after a
 * `.` (`service.__hooks?.onApplicationShutdown?.()` calls someone else's),
 * and followed by `(` or a type parameter list. A property (`hook: () =>`),
 * a variable or a shorthand does not count; a plain call still does.
 */
function methodShaped({ text, at }: KeywordMatch, length: number): boolean {
  let before = at - 1;
  while (before >= 0 && /\s/.test(text[before] ?? '')) {
    before--;
  }
  if (text[before] === '.') {
    return false;
  }
  let after = at + length;
  while (/[\s?]/.test(text[after] ?? '')) {
    after++;
  }
  return text[after] === '(' || text[after] === '<';
}

export const LIFECYCLE_HOOK_KEYWORDS: readonly GuardedKeyword[] =
  LIFECYCLE_HOOKS.map((keyword) => ({
    keyword,
    mayCount: (match) => methodShaped(match, keyword.length),
  }));
