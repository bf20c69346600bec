/**
 * A `path:line` citation: a link to the line under `linkBase`
 * (`https://github.com/o/r/blob/<sha>`) when one is given, otherwise the
 * location in a code span.
 */
export function citeLocation(
  file: string,
  line: number,
  linkBase?: string,
): string {
  const label = `${file}:${line}`;
  if (linkBase === undefined) {
    return `\`${label}\``;
  }
  return `[${escapeLinkText(label)}](${fileUrl(linkBase, file)}#L${line})`;
}

/** A file path, linked under `linkBase` when one is given. */
export function citeFile(file: string, linkBase?: string): string {
  if (linkBase === undefined) {
    return `\`${file}\``;
  }
  return `[${escapeLinkText(file)}](${fileUrl(linkBase, file)})`;
}

function fileUrl(linkBase: string, file: string): string {
  const base = linkBase.replace(/(?<!\/)\/+$/, '');
  const path = file.split('/').map(encodeURIComponent).join('/');
  return `${base}/${path}`;
}

function escapeLinkText(text: string): string {
  return text.replace(/[[\]\\]/g, (char) => `\\${char}`);
}
