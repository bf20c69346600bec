import type { LeaderElection, OptionValue, Site } from '../../model/types.js';
import { site, uniqueSites } from '../shared/site.js';
import type { GuardedCall } from './types.js';

interface Draft {
  mechanism: string;
  key: string;
  ttl?: OptionValue;
  renewed: boolean;
  guards: string[];
  sites: Site[];
}

/** Collects lock facts per (mechanism, key) into `LeaderElection` entries. */
export class LockTable {
  private readonly drafts = new Map<string, Draft>();

  entry(mechanism: string, key: string): Draft {
    const id = `${mechanism}\0${key}`;
    let draft = this.drafts.get(id);
    if (!draft) {
      draft = { mechanism, key, renewed: false, guards: [], sites: [] };
      this.drafts.set(id, draft);
    }
    return draft;
  }

  find(mechanism: string, key: string): Draft | undefined {
    return this.drafts.get(`${mechanism}\0${key}`);
  }

  /** Records an acquire and the calls it guards. */
  acquired(
    draft: Draft,
    file: string,
    line: number,
    guards: GuardedCall[],
  ): void {
    draft.sites.push(site(file, line, 'acquire'));
    for (const guard of guards) {
      draft.guards.push(guard.name);
      draft.sites.push(site(file, guard.line, 'guarded'));
    }
  }

  /**
   * A plain Redis lock that a loop keeps alive is a leader lock: one
   * instance holds it for as long as it runs.
   */
  toModel(): LeaderElection[] {
    const entries = [...this.drafts.values()].map((draft): LeaderElection => {
      const mechanism =
        draft.mechanism === 'redis-lock' && draft.renewed
          ? 'leader-lock'
          : draft.mechanism;
      const entry: LeaderElection = {
        mechanism,
        key: draft.key,
        renewed: draft.renewed,
        guards: [...new Set(draft.guards)].sort(),
        sites: uniqueSites(draft.sites),
      };
      return draft.ttl ? { ...entry, ttl: draft.ttl } : entry;
    });
    return entries.sort(
      (a, b) =>
        a.mechanism.localeCompare(b.mechanism) ||
        (a.key ?? '').localeCompare(b.key ?? ''),
    );
  }
}
