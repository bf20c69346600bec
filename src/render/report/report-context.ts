import type { Site } from '../../model/types.js';
import { citeFile, citeLocation } from '../markdown/cite-location.js';

/** How the architecture report is rendered. */
export interface ReportOptions {
  /**
   * URL that file paths are appended to for links, e.g.
   * `https://github.com/o/r/blob/<sha>`. When set, each `path:line` becomes
   * `[path:line](linkBase/path#Lline)`. Default: plain `path:line` in a code
   * span.
   */
  linkBase?: string;
  /**
   * Citations shown in one table cell or list item before the rest are
   * counted as "+N more". Default: 3.
   */
  maxCitations?: number;
}

/** Citation helpers bound to one report's options, shared by the sections. */
export interface ReportContext {
  /** `path:line` of a site or an option value. */
  cite(at: Pick<Site, 'file' | 'line'>): string;
  /** Several sites, deduplicated, capped at `maxCitations`. */
  citeAll(sites: readonly Pick<Site, 'file' | 'line'>[]): string;
  citeFile(file: string): string;
}

export function createReportContext(
  options: ReportOptions = {},
): ReportContext {
  const max = options.maxCitations ?? 3;
  const cite = (at: Pick<Site, 'file' | 'line'>): string =>
    citeLocation(at.file, at.line, options.linkBase);

  return {
    cite,
    citeAll(sites) {
      const unique = [
        ...new Map(sites.map((s) => [`${s.file}:${s.line}`, s])).values(),
      ];
      const shown = unique.slice(0, max).map(cite);
      const rest = unique.length - shown.length;
      return rest > 0 ? `${shown.join(', ')} +${rest} more` : shown.join(', ');
    },
    citeFile: (file) => citeFile(file, options.linkBase),
  };
}
