import { ts } from 'ts-morph';

/** After these tokens a `/` divides; after anything else it starts a regex. */
const OPERAND_END = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.Identifier,
  ts.SyntaxKind.PrivateIdentifier,
  ts.SyntaxKind.NumericLiteral,
  ts.SyntaxKind.BigIntLiteral,
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.RegularExpressionLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateTail,
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.CloseBraceToken,
  ts.SyntaxKind.PlusPlusToken,
  ts.SyntaxKind.MinusMinusToken,
  ts.SyntaxKind.ThisKeyword,
  ts.SyntaxKind.SuperKeyword,
  ts.SyntaxKind.TrueKeyword,
  ts.SyntaxKind.FalseKeyword,
  ts.SyntaxKind.NullKeyword,
]);

const COMMENTS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.SingleLineCommentTrivia,
  ts.SyntaxKind.MultiLineCommentTrivia,
]);

const TRIVIA = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.WhitespaceTrivia,
  ts.SyntaxKind.NewLineTrivia,
  ts.SyntaxKind.ShebangTrivia,
  ts.SyntaxKind.ConflictMarkerTrivia,
]);

/**
 * Where a file's comments are, as sorted `[start, end)` offsets, from
 * TypeScript's scanner: tokens only, no parse. Undefined whenever the scan
 * is unsure (JSX, a scanner error, unbalanced braces), so a caller treats
 * the whole text as code and drops nothing. With `until`, only comments
 * starting before that offset are listed.
 */
export function commentRanges(
  text: string,
  path: string,
  until = Infinity,
): [number, number][] | undefined {
  if (/\.[jt]sx$/.test(path)) {
    return undefined;
  }
  let failed = false;
  const scanner = ts.createScanner(
    ts.ScriptTarget.Latest,
    false,
    ts.LanguageVariant.Standard,
    text,
    () => {
      failed = true;
    },
  );
  const ranges: [number, number][] = [];
  const templates: number[] = [];
  let braces = 0;
  let previous = ts.SyntaxKind.Unknown;
  for (
    let kind = scanner.scan();
    kind !== ts.SyntaxKind.EndOfFileToken && !failed;
    kind = scanner.scan()
  ) {
    if (scanner.getTokenStart() >= until) {
      // Stopped early: braces cannot be checked, only errors so far.
      return failed ? undefined : ranges;
    }
    if (COMMENTS.has(kind)) {
      ranges.push([scanner.getTokenStart(), scanner.getTokenEnd()]);
      continue;
    }
    if (TRIVIA.has(kind)) {
      continue;
    }
    if (
      (kind === ts.SyntaxKind.SlashToken ||
        kind === ts.SyntaxKind.SlashEqualsToken) &&
      !OPERAND_END.has(previous)
    ) {
      kind = scanner.reScanSlashToken();
    } else if (kind === ts.SyntaxKind.TemplateHead) {
      templates.push(braces);
    } else if (kind === ts.SyntaxKind.OpenBraceToken) {
      braces++;
    } else if (kind === ts.SyntaxKind.CloseBraceToken) {
      if (templates.at(-1) === braces) {
        kind = scanner.reScanTemplateToken(false);
        if (kind === ts.SyntaxKind.TemplateTail) {
          templates.pop();
        }
      } else {
        braces--;
      }
    }
    previous = kind;
  }
  const balanced = braces === 0 && templates.length === 0;
  return failed || !balanced ? undefined : ranges;
}

/** Whether `offset` falls inside one of the sorted `ranges`. */
export function insideRanges(
  ranges: readonly [number, number][],
  offset: number,
): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = ranges[middle] as [number, number];
    if (offset < start) {
      high = middle - 1;
    } else if (offset >= end) {
      low = middle + 1;
    } else {
      return true;
    }
  }
  return false;
}
