import type { Site } from '../../model/types.js';

export function site(file: string, line: number, role: string): Site {
  return { file, line, role };
}

/** Sites sorted by file then line, without duplicates. */
export function uniqueSites(sites: Site[]): Site[] {
  const seen = new Set<string>();
  const out: Site[] = [];
  for (const s of sites) {
    const key = `${s.file}:${s.line}:${s.role}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(s);
    }
  }
  return out.sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.role.localeCompare(b.role),
  );
}
