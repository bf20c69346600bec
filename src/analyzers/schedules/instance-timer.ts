import type { CallExpression } from 'ts-morph';
import type { ParsedFile } from '../../facts/parsed-file.js';
import { localFunction } from '../shared/local-function.js';

/** Static assets served to browsers: their timers run in a tab, not a replica. */
const BROWSER_ASSET_DIR = /(^|\/)(public|static)\//;

/**
 * Work that belongs to each instance by design: reporting its own metrics,
 * pinging its own connections, watching its own health or memory. Running
 * once per replica is the point, so there is nothing to guard.
 */
const INSTANCE_WORK =
  /health|metric|gauge|memoryUsage|getConnections|\.ping\(/i;

/**
 * Whether a `setInterval` is a timer of this instance rather than a job of
 * the system: a browser script, a poll that clears itself once done (a
 * shutdown waiting for sockets to drain), or instance housekeeping.
 */
export function isInstanceTimer(
  file: ParsedFile,
  call: CallExpression,
): boolean {
  if (BROWSER_ASSET_DIR.test(file.path)) {
    return true;
  }
  const handler = call.getArguments()[0];
  const body = localFunction(handler)?.getText() ?? handler?.getText() ?? '';
  return body.includes('clearInterval(') || INSTANCE_WORK.test(body);
}
