/**
 * What makes two Redis key patterns one key: their fixed text. The
 * dynamic parts are named after the expression that fills them, so one key
 * is `collaborators:{documentId}` where it is added to and
 * `collaborators:{event.documentId}` where it is deleted; both are
 * `collaborators:{}`. A pattern with no letter or digit of its own
 * (`{cacheKey}`, `{a}:{b}`) says nothing about which key it is, so it
 * stays as written rather than merging with every other such key.
 */
export function keyShape(pattern: string): string {
  let shape = '';
  let depth = 0;
  for (const char of pattern) {
    if (char === '{') {
      if (depth === 0) {
        shape += '{}';
      }
      depth++;
    } else if (char === '}' && depth > 0) {
      depth--;
    } else if (depth === 0) {
      shape += char;
    }
  }
  return /[A-Za-z0-9]/.test(shape.replaceAll('{}', '')) ? shape : pattern;
}
