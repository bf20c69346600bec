/** What a `/scaling-report` comment asks for. */
export type ScalingCommand =
  { kind: 'report' } | { kind: 'diff' } | { kind: 'usage'; argument: string };

export const COMMAND = '/scaling-report';

const COMMAND_LINE = /^ {0,3}\/scaling-report(?:[ \t]+(.*))?$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Finds the command on a line of its own. Lines quoted with `>`, indented
 * code, fenced code blocks and HTML comments are skipped: quoting someone's
 * command in a reply must not run it again.
 */
export function parseCommand(body: string): ScalingCommand | undefined {
  let fence: string | undefined;
  let inHtmlComment = false;
  for (const line of body.split(/\r?\n/)) {
    const marker = FENCE.exec(line)?.[1];
    if (marker !== undefined && !inHtmlComment) {
      fence = closesOrOpens(fence, marker);
      continue;
    }
    const commented = inHtmlComment;
    if (fence === undefined) {
      inHtmlComment = htmlCommentOpenAfter(line, inHtmlComment);
    }
    if (
      fence !== undefined ||
      commented ||
      /^( {4}|\t)/.test(line) ||
      /^ {0,3}(>|<!--)/.test(line)
    ) {
      continue;
    }
    const match = COMMAND_LINE.exec(line.trimEnd());
    if (match) {
      return commandOf((match[1] ?? '').trim());
    }
  }
  return undefined;
}

/** Whether an HTML comment is still open at the end of `line`. */
function htmlCommentOpenAfter(line: string, open: boolean): boolean {
  let inside = open;
  let at = 0;
  for (;;) {
    const next = line.indexOf(inside ? '-->' : '<!--', at);
    if (next === -1) {
      return inside;
    }
    at = next + (inside ? 3 : 4);
    inside = !inside;
  }
}

function closesOrOpens(
  open: string | undefined,
  marker: string,
): string | undefined {
  if (open === undefined) {
    return marker;
  }
  return marker[0] === open[0] && marker.length >= open.length
    ? undefined
    : open;
}

function commandOf(argument: string): ScalingCommand {
  if (argument === '' || argument === 'report') {
    return { kind: 'report' };
  }
  if (argument === 'diff') {
    return { kind: 'diff' };
  }
  return { kind: 'usage', argument };
}
