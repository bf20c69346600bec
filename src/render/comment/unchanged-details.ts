import { keyShape } from '../../model/key-shape.js';
import { matchByIdentity } from '../../diff/match-by-identity.js';
import { queueFamily } from '../../diff/queue-view.js';
import { channelIdentity } from '../../diff/rules/pubsub-rules.js';
import {
  scheduleIdentity,
  scheduleSubjectName,
} from '../../diff/rules/schedule-rules.js';
import type { DiffResult } from '../../diff/types.js';
import type { Site } from '../../model/types.js';
import { citeLocation } from '../markdown/cite-location.js';
import { codeSpan } from '../markdown/code-span.js';
import { inlineText } from '../markdown/escape-cell.js';
import type { CommentContext } from './comment-context.js';

/** One part of the model present on both sides that no finding is about. */
interface Unchanged {
  text: string;
  site?: Site;
}

interface Category<T> {
  title: string;
  kind: string;
  items: (model: DiffResult['headModel']) => T[];
  identity: (item: T) => string;
  subject: (item: T) => string;
  describe: (item: T) => string;
  sites: (item: T) => Site[];
}

function firstSite(sites: Site[]): Site | undefined {
  return [...sites].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
  )[0];
}

function unchanged<T>(diff: DiffResult, category: Category<T>): Unchanged[] {
  const touched = new Set(
    diff.findings
      .filter((f) => f.subject?.kind === category.kind)
      .map((f) => f.subject?.name),
  );
  const base = category.items(diff.baseModel);
  const head = category.items(diff.headModel);
  return matchByIdentity(base, head, category.identity)
    .kept.map((pair) => pair.head)
    .filter((item) => !touched.has(category.subject(item)))
    .map((item) => ({
      text: category.describe(item),
      site: firstSite(category.sites(item)),
    }));
}

const CATEGORIES = [
  {
    title: 'queues',
    kind: 'queue',
    items: (model) => model.queues,
    identity: (q) => `${queueFamily(q.library)}:${q.name}`,
    subject: (q) => q.name,
    describe: (q) => `${codeSpan(q.name)} (${q.library})`,
    sites: (q) => q.sites,
  } satisfies Category<DiffResult['headModel']['queues'][number]>,
  {
    title: 'Redis keys',
    kind: 'redis-key',
    items: (model) =>
      model.redisKeys.filter((key) => key.ownedBy === undefined),
    identity: (key) => keyShape(key.pattern),
    subject: (key) => key.pattern,
    describe: (key) => `${codeSpan(key.pattern)} (${key.lifetime})`,
    sites: (key) => key.sites,
  } satisfies Category<DiffResult['headModel']['redisKeys'][number]>,
  {
    title: 'channels',
    kind: 'channel',
    items: (model) => model.pubsub,
    identity: channelIdentity,
    subject: (channel) => channel.channel,
    describe: (channel) =>
      `${codeSpan(channel.channel)} (${channel.transport})`,
    sites: (channel) => [
      ...channel.sites,
      ...channel.publishers,
      ...channel.subscribers,
    ],
  } satisfies Category<DiffResult['headModel']['pubsub'][number]>,
  {
    title: 'schedules',
    kind: 'schedule',
    items: (model) => model.schedules,
    identity: scheduleIdentity,
    subject: scheduleSubjectName,
    describe: (s) =>
      `${codeSpan(s.expression)} → ${codeSpan(s.task)} (${s.kind}, ${s.guard})`,
    sites: (s) => s.sites,
  } satisfies Category<DiffResult['headModel']['schedules'][number]>,
];

/**
 * Collapsed lists of the queues, keys, channels and schedules the pull
 * request leaves alone, each with a head citation, so a reviewer can see
 * what the change does not touch. Empty categories are left out.
 */
export function unchangedDetails(
  diff: DiffResult,
  context: CommentContext,
): string[] {
  const blocks: string[] = [];
  for (const category of CATEGORIES as Category<unknown>[]) {
    const items = unchanged(diff, category);
    if (items.length === 0) {
      continue;
    }
    const lines = items.map((item) => {
      const where = item.site
        ? ` — ${citeLocation(item.site.file, item.site.line, context.linkBase?.head)}`
        : '';
      return `- ${inlineText(item.text)}${where}`;
    });
    blocks.push(
      [
        '<details>',
        `<summary>Unchanged ${category.title} (${items.length})</summary>`,
        '',
        ...lines,
        '',
        '</details>',
      ].join('\n'),
    );
  }
  return blocks;
}
