import { createHash } from 'node:crypto';

/**
 * A finding's identity across pushes: rule, subject (queue, key pattern,
 * channel, ...) and detail (an option key), never a line or a path, so a
 * line shift, a file move or a reformat keeps the same fingerprint.
 * 16 hex characters of a SHA-1.
 */
export function fingerprint(
  rule: string,
  subject: string,
  detail = '',
): string {
  return createHash('sha1')
    .update(`${rule}\0${subject}\0${detail}`)
    .digest('hex')
    .slice(0, 16);
}
