import { site } from '../shared/site.js';
import type { DeclaredEntry } from './declared-entry.js';
import { dirOf } from './declared-entry.js';

/** `web: node dist/server.js` lines of a Procfile. */
export function readProcfile(path: string, text: string): DeclaredEntry[] {
  const entries: DeclaredEntry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const match = /^([A-Za-z0-9_-]+)\s*:\s*(.+)$/.exec(raw.trim());
    if (!match?.[1] || !match[2]) {
      return;
    }
    const name = match[1];
    entries.push({
      name,
      origin: 'procfile',
      startedBy: `${path}#${name}`,
      site: site(path, index + 1, 'entry'),
      command: match[2],
      baseDir: dirOf(path),
    });
  });
  return entries;
}
