import type { OptionValue, Queue, Site } from '../../model/types.js';
import { uniqueSites } from '../shared/site.js';
import type { QueueFamily } from './library-target.js';
import { libraryOf } from './library-target.js';
import type { OptionStatement } from './resolve-options.js';
import { resolveOptions } from './resolve-options.js';

/** What one site says about a queue. */
export interface QueueFact {
  site: Site;
  /** Registered or used through a Nest module. */
  nest?: boolean;
  /** `configKey` of a Nest registration: which `forRoot` applies. */
  configKey?: string;
  jobNames?: string[];
  /** Options for the whole queue: settings, worker options, job defaults. */
  options?: Record<string, OptionValue>;
  /** Options stated for one job; `job` is its name, `*` when unnamed. */
  jobOptions?: { job: string; options: Record<string, OptionValue> };
}

/** `BullModule.forRoot` defaults, applied to the Nest queues of a family. */
export interface NestDefaults {
  family: QueueFamily;
  configKey?: string;
  options: Record<string, OptionValue>;
  site: Site;
}

interface Entry {
  family: QueueFamily;
  name: string;
  nest: boolean;
  configKey?: string;
  jobNames: Set<string>;
  sites: Site[];
  statements: OptionStatement[];
}

/**
 * Gathers facts per (family, name), so a Worker in one file and the Queue
 * in another are one row, then turns them into model rows.
 */
export class QueueTable {
  private readonly entries = new Map<string, Entry>();

  add(family: QueueFamily, name: string, fact: QueueFact): void {
    const entry = this.entryFor(family, name);
    entry.nest ||= fact.nest === true;
    entry.configKey ??= fact.configKey;
    entry.sites.push(fact.site);
    for (const job of fact.jobNames ?? []) {
      entry.jobNames.add(job);
    }
    entry.statements.push(...statementsOf(fact));
  }

  /** Rows sorted by name then library, with Nest defaults applied. */
  rows(defaults: NestDefaults[]): Queue[] {
    const rows = [...this.entries.values()].map((entry) => {
      const applied = entry.nest
        ? defaults.filter(
            (d) => d.family === entry.family && d.configKey === entry.configKey,
          )
        : [];
      const globals = applied.flatMap((d) =>
        statementsOf({ site: d.site, options: d.options }),
      );
      return {
        name: entry.name,
        library: libraryOf(entry.family, entry.nest),
        jobNames: [...entry.jobNames].sort(),
        options: resolveOptions(entry.statements, globals),
        sites: uniqueSites([...entry.sites, ...applied.map((d) => d.site)]),
      };
    });
    return rows.sort(
      (a, b) =>
        a.name.localeCompare(b.name) || a.library.localeCompare(b.library),
    );
  }

  private entryFor(family: QueueFamily, name: string): Entry {
    const key = `${family}\u0000${name}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {
        family,
        name,
        nest: false,
        jobNames: new Set(),
        sites: [],
        statements: [],
      };
      this.entries.set(key, entry);
    }
    return entry;
  }
}

function statementsOf(fact: QueueFact): OptionStatement[] {
  const statements: OptionStatement[] = [];
  for (const [key, value] of Object.entries(fact.options ?? {})) {
    statements.push({ key, value, site: fact.site });
  }
  const scoped = fact.jobOptions;
  for (const [key, value] of Object.entries(scoped?.options ?? {})) {
    statements.push({ key, value, site: fact.site, job: scoped?.job });
  }
  return statements;
}
