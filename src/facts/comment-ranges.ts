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

/** Sorted `[start, end)` offsets. */
export type Ranges = [number, number][];

/** Where a file's comments and string literals are. */
export interface TextRanges {
  comments: Ranges;
  /** String literals and the literal parts of templates, quotes included. */
  strings: Ranges;
}

const STRINGS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.StringLiteral,
  ts.SyntaxKind.NoSubstitutionTemplateLiteral,
  ts.SyntaxKind.TemplateHead,
  ts.SyntaxKind.TemplateMiddle,
  ts.SyntaxKind.TemplateTail,
]);

/**
 * Where a file's comments and strings are, from TypeScript's scanner:
 * tokens only, no parse. Undefined whenever the scan is unsure (JSX, a
 * scanner error, unbalanced braces), so a caller treats the whole text as
 * code and drops nothing. With `until`, only tokens starting before that
 * offset are listed.
 */
export function textRanges(
  text: string,
  path: string,
  until = Infinity,
): TextRanges | undefined {
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
  const ranges: TextRanges = { comments: [], strings: [] };
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
      ranges.comments.push([scanner.getTokenStart(), scanner.getTokenEnd()]);
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
    if (STRINGS.has(kind)) {
      ranges.strings.push([scanner.getTokenStart(), scanner.getTokenEnd()]);
    }
    previous = kind;
  }
  const balanced = braces === 0 && templates.length === 0;
  return failed || !balanced ? undefined : ranges;
}

/** The comments of `textRanges`, for callers that need only those. */
export function commentRanges(
  text: string,
  path: string,
  until = Infinity,
): Ranges | undefined {
  return textRanges(text, path, until)?.comments;
}

/** The range of `ranges` that holds `offset`, if any. */
export function rangeAt(
  ranges: readonly [number, number][],
  offset: number,
): [number, number] | undefined {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle] as [number, number];
    if (offset < range[0]) {
      high = middle - 1;
    } else if (offset >= range[1]) {
      low = middle + 1;
    } else {
      return range;
    }
  }
  return undefined;
}

/** Whether `offset` falls inside one of the sorted `ranges`. */
export function insideRanges(
  ranges: readonly [number, number][],
  offset: number,
): boolean {
  return rangeAt(ranges, offset) !== undefined;
}
