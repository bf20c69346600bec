/** Blob URL prefixes that turn `path:line` into links on each side of a diff. */
export function blobLinks(
  repoUrl: string,
  baseSha: string,
  headSha: string,
): { base: string; head: string } {
  return {
    base: `${repoUrl}/blob/${baseSha}`,
    head: `${repoUrl}/blob/${headSha}`,
  };
}
