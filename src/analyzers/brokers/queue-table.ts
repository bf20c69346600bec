import type {
  OptionValue,
  Queue,
  QueueLibrary,
  Site,
} from '../../model/types.js';
import { uniqueSites } from '../shared/site.js';

/**
 * The queue rows being built, one per (library, name). The first value
 * seen for an option wins; facts are visited in file and line order, so
 * the result does not depend on the order files were read.
 */
export class QueueTable {
  private readonly rows = new Map<string, Queue>();

  /** The row for `name`, created on first use. */
  row(library: QueueLibrary, name: string): Queue {
    const key = `${library}\u0000${name}`;
    let row = this.rows.get(key);
    if (!row) {
      row = { name, library, jobNames: [], options: {}, sites: [] };
      this.rows.set(key, row);
    }
    return row;
  }

  has(library: QueueLibrary, name: string): boolean {
    return this.rows.has(`${library}\u0000${name}`);
  }

  /** Every row of one library. */
  rowsOf(library: QueueLibrary): Queue[] {
    return [...this.rows.values()].filter((row) => row.library === library);
  }

  addSite(row: Queue, site: Site): void {
    row.sites.push(site);
  }

  addOptions(row: Queue, options: Record<string, OptionValue>): void {
    for (const [key, value] of Object.entries(options)) {
      row.options[key] ??= value;
    }
  }

  /** Rows sorted by library then name, sites sorted and deduplicated. */
  queues(): Queue[] {
    return [...this.rows.values()]
      .map((row) => ({ ...row, sites: uniqueSites(row.sites) }))
      .sort(
        (a, b) =>
          a.library.localeCompare(b.library) || a.name.localeCompare(b.name),
      );
  }
}
