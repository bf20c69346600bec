import { readFileSync } from 'node:fs';

let cached: string | undefined;

/**
 * This package's version from its package.json, which sits three levels
 * up both from `src/render/comment/` and from the built `dist/render/comment/`.
 */
export function toolVersion(): string {
  if (cached === undefined) {
    cached = readVersion();
  }
  return cached;
}

function readVersion(): string {
  try {
    const url = new URL('../../../package.json', import.meta.url);
    const parsed: unknown = JSON.parse(readFileSync(url, 'utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'version' in parsed) {
      return String(parsed.version);
    }
  } catch {
    // A bundled or relocated build has no package.json beside it.
  }
  return 'unknown';
}
