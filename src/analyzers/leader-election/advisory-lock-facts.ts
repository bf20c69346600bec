import { lineOf } from '../../facts/line-of.js';
import { Node, SyntaxKind } from 'ts-morph';
import type { ParsedFile } from '../../facts/parsed-file.js';
import { toExpr } from '../../facts/to-expr.js';
import { guardsOf } from './find-guards.js';
import type { AdvisoryLockFact } from './types.js';
import { descendantsOfKind } from '../../facts/descendants.js';

const ADVISORY = /pg_(try_)?advisory_(xact_)?(un)?lock/i;
const UNLOCK = /advisory_unlock/i;

/**
 * SQL texts that take (`pg_try_advisory_lock(42)`) or release
 * (`pg_advisory_unlock(42)`) a Postgres advisory lock, in a query call or a
 * tagged template (`prisma.$queryRaw\`...\``).
 */
export function advisoryLockFacts(file: ParsedFile): AdvisoryLockFact[] {
  const source = file.sourceFile;
  if (!ADVISORY.test(source.getFullText())) {
    return [];
  }
  const texts = [
    ...descendantsOfKind(source, SyntaxKind.StringLiteral),
    ...descendantsOfKind(source, SyntaxKind.NoSubstitutionTemplateLiteral),
    ...descendantsOfKind(source, SyntaxKind.TemplateExpression),
  ].filter((node) => ADVISORY.test(node.getText()));
  return texts.map((node) => {
    const parent = node.getParent();
    const call = parent && Node.isCallExpression(parent) ? parent : undefined;
    const params =
      call?.getArguments()[0] === node ? call.getArguments()[1] : undefined;
    const anchor =
      call ??
      (parent && Node.isTaggedTemplateExpression(parent) ? parent : node);
    const release = UNLOCK.test(node.getText());
    return {
      kind: 'advisory',
      line: lineOf(node),
      sql: toExpr(node),
      params: params ? toExpr(params) : null,
      release,
      guards: release ? [] : guardsOf(anchor),
    };
  });
}
