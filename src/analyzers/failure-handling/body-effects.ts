import { lineOf } from '../../facts/line-of.js';
import { Node, SyntaxKind } from 'ts-morph';
import { toExpr } from '../../facts/to-expr.js';
import type { RawEffects } from './types.js';
import { descendantsOfKind } from '../../facts/descendants.js';

/** Queue methods that add a job: a failure path that calls one moves the job. */
const ADD_METHODS = new Set(['add', 'addBulk', 'createJob']);
const REPORT_METHODS = new Set([
  'captureException',
  'captureMessage',
  'noticeError',
]);

/**
 * What failure handling code does with the failure: jobs added to another
 * queue (`dlq.add`, `channel.sendToQueue('dlq', ...)`) and errors sent to a
 * tracker (`Sentry.captureException`). Nothing when the body is unknown.
 */
export function effectsOf(body: Node | undefined): RawEffects {
  const effects: RawEffects = { moves: [], reports: [] };
  if (!body) {
    return effects;
  }
  for (const call of descendantsOfKind(body, SyntaxKind.CallExpression)) {
    const callee = call.getExpression();
    if (!Node.isPropertyAccessExpression(callee)) {
      continue;
    }
    const method = callee.getName();
    const line = lineOf(call);
    if (ADD_METHODS.has(method)) {
      effects.moves.push({ target: toExpr(callee.getExpression()), line });
    } else if (method === 'sendToQueue') {
      effects.moves.push({ target: toExpr(call.getArguments()[0]), line });
    } else if (REPORT_METHODS.has(method)) {
      effects.reports.push({
        tool: trackerName(callee.getExpression().getText()),
        line,
      });
    }
  }
  return effects;
}

function trackerName(receiver: string): string {
  if (/sentry/i.test(receiver)) {
    return 'Sentry';
  }
  return /newrelic/i.test(receiver)
    ? 'New Relic'
    : receiver.replace(/^this\./, '');
}
