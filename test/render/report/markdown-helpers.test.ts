import { citeLocation } from '../../../src/render/markdown/cite-location.js';
import { codeSpan } from '../../../src/render/markdown/code-span.js';
import { escapeCell } from '../../../src/render/markdown/escape-cell.js';
import { markdownTable } from '../../../src/render/markdown/markdown-table.js';

describe('markdown helpers', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['line one\nline two', 'line one line two'],
    ['  padded\r\n', 'padded'],
    ['already \\| escaped', 'already \\| escaped'],
  ])('escapes the cell %j', (text, expected) => {
    expect(escapeCell(text)).toBe(expected);
  });

  it.each([
    ['plain', '`plain`'],
    ['has `tick`', '`` has `tick` ``'],
    ['`edge', '`` `edge ``'],
  ])('wraps %j in a code span that holds it', (text, expected) => {
    expect(codeSpan(text)).toBe(expected);
  });

  it('links a citation with an encoded path', () => {
    expect(citeLocation('src/my file.ts', 7, 'https://x/blob/sha')).toBe(
      '[src/my file.ts:7](https://x/blob/sha/src/my%20file.ts#L7)',
    );
    expect(citeLocation('src/a.ts', 7)).toBe('`src/a.ts:7`');
  });

  it('fills empty cells with a dash', () => {
    expect(markdownTable(['A', 'B'], [['x', '']])).toBe(
      '| A | B |\n|---|---|\n| x | — |',
    );
  });
});
