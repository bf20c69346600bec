/** Stands for a dynamic part of a channel (`{id}` in `user:{id}`). */
const DYNAMIC = '\u0000';

/** One step of a glob: a star, any one character, a class or a literal. */
type Token =
  | { k: 'star' }
  | { k: 'one' }
  | { k: 'class'; chars: string; negated: boolean }
  | { k: 'char'; char: string };

/**
 * Whether a `PSUBSCRIBE` glob receives every message published on a
 * channel: `user:*` covers `user:{id}`, whatever the id. Only a star may
 * stand for a dynamic part; literal text, `?` and `[…]` may not, so
 * `user:1*` does not cover `user:{id}`. Both come from the analyzed code,
 * so matching is the iterative wildcard walk, at most glob × channel steps,
 * never a backtracking regex.
 */
export function globCovers(glob: string, channel: string): boolean {
  const tokens = tokensOf(glob);
  const text = channel.replace(/\{[^{}]*\}/g, DYNAMIC);
  let t = 0;
  let c = 0;
  let star = -1;
  let resume = 0;
  while (c < text.length) {
    const token = tokens[t];
    if (token?.k === 'star') {
      star = t++;
      resume = c;
    } else if (token && matchesOne(token, text[c] as string)) {
      t++;
      c++;
    } else if (star >= 0) {
      t = star + 1;
      c = ++resume;
    } else {
      return false;
    }
  }
  return tokens.slice(t).every((token) => token.k === 'star');
}

function matchesOne(token: Token, char: string): boolean {
  if (char === DYNAMIC) {
    return false;
  }
  switch (token.k) {
    case 'one':
      return true;
    case 'class':
      return inClass(token.chars, char) !== token.negated;
    case 'char':
      return token.char === char;
    default:
      return false;
  }
}

/** `abc` or ranges such as `a-z0-9`, as Redis reads a glob class. */
function inClass(chars: string, char: string): boolean {
  for (let i = 0; i < chars.length; i++) {
    const from = chars[i] as string;
    const to = chars[i + 1] === '-' ? chars[i + 2] : undefined;
    if (to !== undefined) {
      if (char >= from && char <= to) {
        return true;
      }
      i += 2;
    } else if (char === from) {
      return true;
    }
  }
  return false;
}

function tokensOf(glob: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string;
    const end = char === '[' ? glob.indexOf(']', i + 1) : -1;
    if (char === '*') {
      tokens.push({ k: 'star' });
    } else if (char === '?') {
      tokens.push({ k: 'one' });
    } else if (end !== -1) {
      const body = glob.slice(i + 1, end);
      const negated = body.startsWith('^');
      tokens.push({
        k: 'class',
        chars: negated ? body.slice(1) : body,
        negated,
      });
      i = end;
    } else if (char === '\\' && i + 1 < glob.length) {
      tokens.push({ k: 'char', char: glob[++i] as string });
    } else {
      tokens.push({ k: 'char', char });
    }
  }
  return tokens;
}
