/** The longest body GitHub accepts for an issue comment, in characters. */
export const MAX_COMMENT_LENGTH = 65_536;

/** The longest check-run summary or text GitHub accepts, in characters. */
export const MAX_CHECK_OUTPUT_LENGTH = 65_535;

/**
 * Cuts markdown to `maxLength` at a line break, closes a code block left
 * open by the cut, and ends with `omission` so the reader knows text is
 * missing. Text that fits is returned unchanged.
 */
export function fitMarkdown(
  text: string,
  maxLength: number,
  omission: string,
): string {
  if (text.length <= maxLength) {
    return text;
  }
  const tail = `\n\n${omission}\n`;
  // Room for a closing fence, which is as long as the opening one (rarely over 8).
  const room = Math.max(0, maxLength - tail.length - 32);
  const cutAt = text.lastIndexOf('\n', room);
  const kept = text.slice(0, cutAt > 0 ? cutAt : room);

  const open = openFence(kept);
  return `${kept}${open === undefined ? '' : `\n${open}`}${tail}`;
}

/** The fence of a code block still open at the end of `text`, if any. */
function openFence(text: string): string | undefined {
  let open: string | undefined;
  for (const match of text.matchAll(/^ {0,3}(`{3,}|~{3,})/gm)) {
    const fence = match[1] ?? '';
    if (open === undefined) {
      open = fence;
    } else if (fence[0] === open[0] && fence.length >= open.length) {
      open = undefined;
    }
  }
  return open;
}
