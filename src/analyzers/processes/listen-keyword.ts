import type {
  GuardedKeyword,
  KeywordMatch,
} from '../../facts/candidate-test.js';
import { HTTP_MODULES, SERVER_NAME } from './signal-rules.js';

/**
 * `.listen(` counts where the extractor may read it as a web server: in a
 * file importing a web framework, or on a receiver whose root name says
 * server (`app`, `httpServer`). An event bus's `listen()` in a file with
 * neither is not parsed. Anything the text cannot settle, such as
 * `createServer(app).listen(` or `app\n  .listen(`, counts.
 */
export const LISTEN_KEYWORD: GuardedKeyword = {
  keyword: '.listen(',
  mayCount: ({ text, at, specifiers }: KeywordMatch): boolean => {
    if (specifiers.some((specifier) => HTTP_MODULES.has(specifier))) {
      return true;
    }
    let start = at;
    while (start > 0 && /[\w$.]/.test(text[start - 1] ?? '')) {
      start--;
    }
    const receiver = text.slice(start, at);
    const before = text[start - 1] ?? '';
    if (receiver === '' || /[)\]>!?]/.test(before)) {
      return true;
    }
    // As the extractor reads it: `this.x` has no root name.
    const root = receiver.split('.')[0] ?? '';
    return root !== 'this' && root !== 'super' && SERVER_NAME.test(root);
  },
};
