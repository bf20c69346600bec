import { notesSection } from './comment-notes.js';

/** The sections of a comment, rendered or renderable at any table length. */
export interface CommentSections {
  /** Marker and headline. */
  header: string;
  /** The findings table holding the first `count` findings. */
  table: (count: number) => string;
  findingCount: number;
  diagram?: string;
  details: string[];
  notes: string[];
  footer: string;
}

interface Layout {
  rows: number;
  diagram: boolean;
  details: boolean;
  notes: number;
}

/**
 * Joins the sections, dropping what does not fit in `maxLength` characters
 * in order: the unchanged details, the diagram, then table rows from the
 * end (the least severe). A note says what was cut and how many findings
 * are not shown.
 */
export function fitComment(
  sections: CommentSections,
  maxLength: number,
): string {
  const all = sections.findingCount;
  const notes = sections.notes.length;
  const full: Layout = { rows: all, diagram: true, details: true, notes };
  const candidates: Layout[] = [
    full,
    { ...full, details: false },
    { ...full, details: false, diagram: false },
  ];
  for (const layout of candidates) {
    const body = compose(sections, layout);
    if (body.length <= maxLength) {
      return body;
    }
  }

  const bare: Layout = { rows: 0, diagram: false, details: false, notes };
  const fits = (layout: Layout): boolean =>
    compose(sections, layout).length <= maxLength;
  const rows = largestFitting(all, (n) => fits({ ...bare, rows: n }));
  if (rows !== undefined) {
    return compose(sections, { ...bare, rows });
  }
  // Only a caller's flood of notes gets here; the footer may be cut last.
  const shown = largestFitting(notes, (n) => fits({ ...bare, notes: n })) ?? 0;
  return compose(sections, { ...bare, notes: shown }).slice(0, maxLength);
}

/** The largest n in [0, max] for which `fits(n)` holds, given it is monotone. */
function largestFitting(
  max: number,
  fits: (n: number) => boolean,
): number | undefined {
  if (!fits(0)) {
    return undefined;
  }
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (fits(mid)) {
      low = mid;
    } else {
      high = mid - 1;
    }
  }
  return low;
}

function compose(sections: CommentSections, layout: Layout): string {
  const note = truncationNote(sections, layout);
  const notes = [
    ...(note ? [note] : []),
    ...sections.notes.slice(0, layout.notes),
  ];
  const parts = [
    sections.header,
    layout.rows > 0 ? sections.table(layout.rows) : undefined,
    layout.diagram ? sections.diagram : undefined,
    ...(layout.details ? sections.details : []),
    notesSection(notes),
    sections.footer,
  ];
  return `${parts.filter((part) => part !== undefined).join('\n\n')}\n`;
}

function truncationNote(
  sections: CommentSections,
  layout: Layout,
): string | undefined {
  const cut: string[] = [];
  if (!layout.details && sections.details.length > 0) {
    cut.push('the unchanged parts of the model');
  }
  if (!layout.diagram && sections.diagram !== undefined) {
    cut.push('the topology diagram');
  }
  const hidden = sections.findingCount - layout.rows;
  if (hidden > 0) {
    const total = sections.findingCount.toLocaleString('en-US');
    cut.push(
      `${hidden.toLocaleString('en-US')} of ${total} findings (the least severe)`,
    );
  }
  const hiddenNotes = sections.notes.length - layout.notes;
  if (hiddenNotes > 0) {
    cut.push(`${hiddenNotes.toLocaleString('en-US')} notes`);
  }
  if (cut.length === 0) {
    return undefined;
  }
  return (
    `**This comment is cut to fit GitHub's size limit.** Not shown: ${cut.join(', ')}. ` +
    'Run `scaling-report diff BASE HEAD` locally to see everything.'
  );
}
