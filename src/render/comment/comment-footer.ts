import type { CommentContext } from './comment-context.js';
import { shortRevision } from './comment-context.js';
import { toolVersion } from './tool-version.js';

/** Which revisions were analyzed, by which version, in small print. */
export function commentFooter(context: CommentContext): string {
  const version = context.toolVersion ?? toolVersion();
  const base = shortRevision(context.baseSha);
  const head = shortRevision(context.headSha);
  return `<sub>Analyzed base \`${base}\` → head \`${head}\` with scaling-report ${version}.</sub>`;
}
