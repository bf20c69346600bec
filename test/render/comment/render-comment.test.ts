import { diffArchitectures } from '../../../src/diff/diff-architectures.js';
import type { DiffResult, Finding } from '../../../src/diff/types.js';
import {
  COMMENT_MARKER,
  renderComment,
  renderResolvedComment,
} from '../../../src/render/comment/render-comment.js';
import { topologyNodeId } from '../../../src/render/mermaid/topology-node-id.js';
import {
  buildModel,
  literal,
  queue,
  redisKey,
  retained,
} from '../../diff/build-model.js';

const BASE_SHA = 'a'.repeat(40);
const HEAD_SHA = 'b'.repeat(40);
const context = {
  baseSha: BASE_SHA,
  headSha: HEAD_SHA,
  linkBase: {
    base: 'https://github.com/acme/orders/blob/' + BASE_SHA,
    head: 'https://github.com/acme/orders/blob/' + HEAD_SHA,
  },
  toolVersion: '9.9.9',
};

/** A PR that adds a queue, removes one, changes retries and leaves one queue alone. */
function sampleDiff(): DiffResult {
  const base = buildModel({
    queues: [
      queue('emails', {
        ...retained(),
        attempts: literal(3, 'src/queues.ts', 6),
      }),
      queue('legacy', retained(), 'src/legacy.ts'),
      queue('audit', retained(), 'src/audit.ts'),
    ],
    redisKeys: [redisKey('rate:{ip}', { lifetime: 'ephemeral' })],
  });
  const head = buildModel({
    queues: [
      queue('emails', {
        ...retained(),
        attempts: literal(5, 'src/queues.ts', 6),
      }),
      queue('audit', retained(), 'src/audit.ts'),
      queue('invoices', {}, 'src/invoices.ts'),
    ],
    redisKeys: [redisKey('rate:{ip}', { lifetime: 'ephemeral' })],
  });
  head.stats.failedAnalyzers.push({ analyzer: 'pubsub', message: 'boom' });
  return diffArchitectures(base, head);
}

describe('renderComment', () => {
  const body = renderComment(sampleDiff(), {
    ...context,
    notes: ['Config: unknown rule `x` at .github/scaling-report.yml:3'],
  });

  it('starts with the marker and the headline', () => {
    const [marker, headline] = body.split('\n');

    expect(marker).toBe(COMMENT_MARKER);
    expect(headline).toBe(
      '**Scaling report**: 3 warnings, 1 info in this pull request',
    );
  });

  it('lists findings by severity with linked locations on their side', () => {
    const rows = body.split('\n').filter((line) => /^\| (⚠️|ℹ️|🛑)/.test(line));

    expect(rows.map((row) => row.split(' | ')[1])).toEqual([
      '`job-retention-missing`',
      '`queue-removed`',
      '`retry-changed`',
      '`queue-added`',
    ]);
    expect(rows[2]).toContain('Queue `emails` (bullmq): attempts 3 → 5.');
    expect(rows[2]).toContain(
      `[src/queues.ts:6](https://github.com/acme/orders/blob/${HEAD_SHA}/src/queues.ts#L6)`,
    );
    expect(rows[1]).toContain(
      `[src/legacy.ts:3](https://github.com/acme/orders/blob/${BASE_SHA}/src/legacy.ts#L3) (base)`,
    );
  });

  it('draws the head topology with the changes marked', () => {
    const diagram = body.slice(
      body.indexOf('```mermaid'),
      body.lastIndexOf('```'),
    );

    expect(diagram).toMatch(
      new RegExp(
        `class [^\\n]*${topologyNodeId('queue', 'invoices')}[^\\n]* added`,
      ),
    );
    expect(diagram).toMatch(
      new RegExp(
        `class [^\\n]*${topologyNodeId('queue', 'legacy')}[^\\n]* removed`,
      ),
    );
    expect(diagram).toMatch(
      new RegExp(
        `class [^\\n]*${topologyNodeId('queue', 'emails')}[^\\n]* changed`,
      ),
    );
  });

  it('collapses the parts the pull request leaves alone, with citations', () => {
    expect(body).toContain('<summary>Unchanged queues (1)</summary>');
    expect(body).toContain(
      `- \`audit\` (bullmq) — [src/audit.ts:3](https://github.com/acme/orders/blob/${HEAD_SHA}/src/audit.ts#L3)`,
    );
    expect(body).toContain('<summary>Unchanged Redis keys (1)</summary>');
    expect(body).not.toContain('- `emails` (bullmq)');
  });

  it('ends with notes and a footer naming both revisions', () => {
    expect(body).toContain(
      '- Config: unknown rule `x` at .github/scaling-report.yml:3',
    );
    expect(body).toContain('The `pubsub` analyzer failed on the head (boom)');
    expect(body.trimEnd().split('\n').at(-1)).toBe(
      '<sub>Analyzed base `aaaaaaa` → head `bbbbbbb` with scaling-report 9.9.9.</sub>',
    );
  });

  it('uses code spans for locations when there are no links', () => {
    const plain = renderComment(sampleDiff(), {
      baseSha: 'working tree',
      headSha: 'pr',
    });

    expect(plain).toContain('`src/queues.ts:6`');
    expect(plain).toContain('Analyzed base `working tree` → head `pr`');
  });
});

describe('renderResolvedComment', () => {
  it('says no findings remain, under the same marker', () => {
    const model = buildModel({ queues: [queue('emails', retained())] });

    const body = renderComment(diffArchitectures(model, model), context);

    expect(body.split('\n')[0]).toBe(COMMENT_MARKER);
    expect(body).toContain('no scaling findings remain in the latest push');
    expect(body).not.toContain('| severity |');
    expect(body).toBe(
      renderResolvedComment(context, diffArchitectures(model, model)),
    );
  });
});

describe('staying under the size limit', () => {
  function hugeDiff(count: number): DiffResult {
    const queues = Array.from({ length: 300 }, (_, i) =>
      queue(`queue-${i}`, retained(), `src/q${i}.ts`),
    );
    const model = buildModel({ queues });
    const findings: Finding[] = Array.from({ length: count }, (_, i) => ({
      rule: 'retry-changed',
      severity: i < 10 ? 'error' : 'warning',
      message: `Queue \`jobs-${i}\` (bullmq): attempts ${i} → ${i + 1}.`,
      why: 'Retries decide whether a failed job is lost or retried.',
      file: `src/q${i}.ts`,
      line: i + 1,
      side: 'head',
      fingerprint: i.toString(16).padStart(16, '0'),
      subject: { kind: 'queue', name: `jobs-${i}` },
    }));
    return {
      findings,
      base: diffArchitectures(model, model).base,
      head: diffArchitectures(model, model).head,
      baseModel: model,
      headModel: model,
    };
  }

  it('cuts a diff of thousands of findings to 65,536 characters and says so', () => {
    const body = renderComment(hugeDiff(5000), context);

    expect(body.length).toBeLessThanOrEqual(65536);
    expect(body.split('\n')[0]).toBe(COMMENT_MARKER);
    expect(body).toContain(
      '**Scaling report**: 10 errors, 4,990 warnings in this pull request',
    );
    expect(body).toMatch(
      /Not shown: the unchanged parts of the model, the topology diagram, [\d,]+ of 5,000 findings/,
    );
    expect(body).toContain('`scaling-report diff BASE HEAD`');
    expect(body).not.toContain('```mermaid');
    expect(body).toContain('jobs-0`');
    expect(body).toContain('<sub>Analyzed base');
  });

  it('states exactly how many findings are left out', () => {
    const body = renderComment(hugeDiff(5000), context);
    const shown = body
      .split('\n')
      .filter(
        (line) => line.startsWith('| 🛑') || line.startsWith('| ⚠️'),
      ).length;
    const hidden = Number(
      /([\d,]+) of 5,000 findings/.exec(body)?.[1]?.replace(/,/g, ''),
    );

    expect(shown + hidden).toBe(5000);
    expect(shown).toBeGreaterThan(100);
  });

  it('drops the details first when only they do not fit', () => {
    const diff = hugeDiff(3);
    const full = renderComment(diff, { ...context, maxLength: 1_000_000 });
    const details = full.indexOf('<details>');

    const body = renderComment(diff, {
      ...context,
      maxLength: full.length - 10,
    });

    expect(details).toBeGreaterThan(0);
    expect(body.length).toBeLessThanOrEqual(full.length - 10);
    expect(body).not.toContain('<details>');
    expect(body).toContain('```mermaid');
    expect(body).toContain('Not shown: the unchanged parts of the model.');
  });
});
