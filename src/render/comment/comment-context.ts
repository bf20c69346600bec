/** The hidden first line of every PR comment, so later runs find and update it. */
export const COMMENT_MARKER = '<!-- scaling-report:pr-comment -->';

/**
 * GitHub refuses comment bodies over 65,536 characters; the default keeps a
 * margin for what the app may add around the body.
 */
export const DEFAULT_MAX_COMMENT_LENGTH = 65_000;

export interface CommentContext {
  /** Base revision analyzed: a commit SHA (shown as 7 characters) or a label. */
  baseSha: string;
  /** Head revision analyzed: a commit SHA (shown as 7 characters) or a label. */
  headSha: string;
  /**
   * Blob URL prefixes (`https://github.com/o/r/blob/<sha>`) for linking
   * `path:line` on each side. Without them locations are code spans.
   */
  linkBase?: { base: string; head: string };
  /** Shown under Notes: config errors with their location, caps hit, partial analysis. */
  notes?: string[];
  /** Longest body returned, in characters. Default 65,000. */
  maxLength?: number;
  /** Version in the footer. Default: this package's version. */
  toolVersion?: string;
}

/** A commit SHA cut to 7 characters; labels such as `working tree` as given. */
export function shortRevision(revision: string): string {
  return /^[0-9a-f]{40}$/i.test(revision) ? revision.slice(0, 7) : revision;
}
