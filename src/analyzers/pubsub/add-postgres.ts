import type { Expr } from '../../facts/expr.js';
import { patternOf } from '../../facts/expr.js';
import type { Resolver } from '../../facts/resolver.js';
import type { FileItems } from '../types.js';
import { site } from '../shared/site.js';
import type { ChannelTable } from './channel-table.js';
import type { PubSubItem } from './types.js';

const LISTEN = /^\s*LISTEN\s+("?)([^\s";]+)\1/i;
const NOTIFY = /\bNOTIFY\s+("?)([^\s",;]+)\1/i;
/** Bounded runs: unbounded ones took quadratic time on many unclosed `pg_notify({`. */
const PG_NOTIFY =
  /pg_notify\s*\(\s*(?:'([^']{1,300})'|\$(\d{1,4})|(\{[^}]{0,300}\}))/i;

/**
 * Postgres LISTEN/NOTIFY: `LISTEN ch` subscribes, `NOTIFY ch` and
 * `pg_notify('ch', ...)` publish. A `notification` handler serves every
 * channel its file listens on.
 */
export function addPostgres(
  facts: FileItems<PubSubItem>[],
  table: ChannelTable,
  resolver: Resolver,
): void {
  for (const { file, items } of facts) {
    for (const item of items) {
      if (item.kind !== 'pg-query') {
        continue;
      }
      const sql = patternOf(resolver.resolve(item.sql, file));
      const listened = LISTEN.exec(sql)?.[2];
      if (listened !== undefined) {
        table
          .entry('postgres', listened)
          .subscribers.push(site(file, item.line, 'subscriber'));
      }
      const notified =
        NOTIFY.exec(sql)?.[2] ??
        notifyArgument(sql, item.params, file, resolver);
      if (notified !== undefined) {
        table
          .entry('postgres', notified)
          .publishers.push(site(file, item.line, 'publisher'));
      }
    }
    for (const item of items) {
      if (item.kind !== 'pg-handler') {
        continue;
      }
      for (const entry of table.subscribedIn('postgres', file)) {
        entry.subscribers.push(site(file, item.line, 'handler'));
        entry.handlers.push(item.handler);
      }
    }
  }
}

/** The channel of `pg_notify('ch', ...)` or `pg_notify($1, ...)` with its parameter. */
function notifyArgument(
  sql: string,
  params: Expr | null,
  file: string,
  resolver: Resolver,
): string | undefined {
  const match = PG_NOTIFY.exec(sql);
  if (!match) {
    return undefined;
  }
  if (match[1] !== undefined || match[3] !== undefined) {
    return match[1] ?? match[3];
  }
  const resolved = params ? resolver.resolve(params, file) : undefined;
  const param =
    resolved?.k === 'arr' ? resolved.items[Number(match[2]) - 1] : undefined;
  return param ? patternOf(param) : `$${match[2]}`;
}
