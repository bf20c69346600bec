import type { LeaderElection } from '../../model/types.js';
import { matchByIdentity } from '../match-by-identity.js';
import { displayOption, optionChanged } from '../option-text.js';
import { primarySite } from '../queue-view.js';
import type { DiffRule, FindingDraft } from './types.js';
import { at } from './types.js';

export function electionIdentity(election: LeaderElection): string {
  return `${election.mechanism}:${election.key ?? ''}`;
}

function label(election: LeaderElection): string {
  const key = election.key === undefined ? '' : ` on \`${election.key}\``;
  return `Leader election ${election.mechanism}${key}`;
}

function draft(
  election: LeaderElection,
  side: 'base' | 'head',
  detail: string,
): Omit<FindingDraft, 'message' | 'why'> {
  return {
    subject: {
      kind: 'leader-election',
      name: election.key ?? election.mechanism,
    },
    identity: electionIdentity(election),
    detail,
    ...at(primarySite(election.sites), side),
  };
}

const why =
  'Leader election decides which single replica runs singleton work; a change ' +
  'can leave it running nowhere or on every replica at once.';

/** What changed in one election kept from base to head, one draft per aspect. */
function changes(base: LeaderElection, head: LeaderElection): FindingDraft[] {
  const drafts: FindingDraft[] = [];
  if (optionChanged(base.ttl, head.ttl)) {
    const before = displayOption(base.ttl);
    const after = displayOption(head.ttl);
    const where = head.ttl ?? base.ttl;
    drafts.push({
      ...draft(head, 'head', 'ttl'),
      ...(where ? { file: where.file, line: where.line } : {}),
      message: `${label(head)}: lock TTL ${before} → ${after}.`,
      why,
      before,
      after,
    });
  }
  if (base.renewed !== head.renewed) {
    const state = head.renewed ? 'is now renewed' : 'is no longer renewed';
    drafts.push({
      ...draft(head, 'head', 'renewed'),
      message: `${label(head)} ${state}.`,
      why,
    });
  }
  const guards = (e: LeaderElection): string =>
    [...e.guards].sort().join(', ') || 'nothing';
  if (guards(base) !== guards(head)) {
    drafts.push({
      ...draft(head, 'head', 'guards'),
      message: `${label(head)} now guards ${guards(head)} (was ${guards(base)}).`,
      why,
      before: guards(base),
      after: guards(head),
    });
  }
  return drafts;
}

export const leaderElectionChanged: DiffRule = {
  id: 'leader-election-changed',
  severity: 'warning',
  summary:
    'A leader election is added, removed, or its TTL, renewal or guarded work changed.',
  detect: ({ base, head }) => {
    const matched = matchByIdentity(
      base.leaderElection,
      head.leaderElection,
      electionIdentity,
    );
    return [
      ...matched.added.map((e) => ({
        ...draft(e, 'head', 'added'),
        message: `${label(e)} is added.`,
        why,
      })),
      ...matched.removed.map((e) => ({
        ...draft(e, 'base', 'removed'),
        message: `${label(e)} is removed.`,
        why,
      })),
      ...matched.kept.flatMap((pair) => changes(pair.base, pair.head)),
    ];
  },
};
