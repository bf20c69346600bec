import { emptyModel } from '../../../src/model/empty-model.js';
import { renderReport } from '../../../src/render/report/render-report.js';
import { richModel } from './rich-model.js';

const HEADINGS = [
  '## Queue Architecture',
  '## Worker Processes',
  '## Multi-Instance Topology',
  '## Coordination Mechanisms',
  '## Push Delivery Path',
  '## Scheduled Jobs',
  '## Redis Usage Map',
  '## Graceful Shutdown',
  '## Failure Recovery',
  '## Scaling Knobs',
  '## Key Scaling Files',
];

/** The text of one `## ` section, without its heading. */
function section(report: string, heading: string): string {
  const start = report.indexOf(`${heading}\n`);
  if (start < 0) {
    throw new Error(`no section ${heading}`);
  }
  const body = report.slice(start + heading.length);
  const next = body.indexOf('\n## ');
  return next < 0 ? body : body.slice(0, next);
}

describe('renderReport', () => {
  it('puts the title, the counts and every section in order', () => {
    const report = renderReport(richModel());
    const lines = report.split('\n');

    expect(lines[0]).toBe('# Scaling report: examples/orders-service');
    expect(lines[2]).toMatch(/^2 queues · 3 processes · 3 Redis key patterns/);
    const positions = HEADINGS.map((heading) => lines.indexOf(heading));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it.each([
    ['## Queue Architecture', 'No queues found.'],
    ['## Worker Processes', 'No worker processes found.'],
    [
      '## Multi-Instance Topology',
      'No processes, queues or channels found to draw.',
    ],
    [
      '## Coordination Mechanisms',
      'No leader election or distributed locks found.',
    ],
    [
      '## Push Delivery Path',
      'No push paths to websockets or server-sent events found.',
    ],
    ['## Scheduled Jobs', 'No scheduled jobs found.'],
    ['## Redis Usage Map', 'No Redis key patterns found.'],
    ['## Graceful Shutdown', 'No shutdown handlers found.'],
    ['## Failure Recovery', 'No failure handling found'],
    ['## Scaling Knobs', 'No process entries found'],
    ['## Key Scaling Files', 'No files hold scaling facts.'],
  ])(
    'says plainly that %s found nothing in an empty model',
    (heading, text) => {
      const report = renderReport(emptyModel('.'));

      expect(section(report, heading)).toContain(text);
      expect(report).not.toContain('## Analysis notes');
      expect(report).not.toContain('```mermaid');
    },
  );

  it('cites path:line in code spans without a link base', () => {
    const report = renderReport(richModel());

    expect(section(report, '## Scheduled Jobs')).toContain(
      '`src/web/server.ts:50`',
    );
    expect(report).not.toContain('](');
  });

  it('links each citation under the link base', () => {
    const base = 'https://github.com/o/r/blob/abc123';
    const report = renderReport(richModel(), { linkBase: `${base}/` });

    expect(section(report, '## Scheduled Jobs')).toContain(
      `[src/web/server.ts:50](${base}/src/web/server.ts#L50)`,
    );
    expect(section(report, '## Key Scaling Files')).toContain(
      `[src/worker/index.ts](${base}/src/worker/index.ts)`,
    );
    expect(report).not.toMatch(/`src\/[^`]*:\d+`/);
  });

  it('keeps a pipe or a newline in a name inside its table cell', () => {
    const model = richModel();
    model.schedules = [
      {
        kind: 'node-cron',
        expression: '0 * * * *',
        task: 'a | b\nc',
        guard: 'unguarded',
        sites: [{ file: 'src/a.ts', line: 3, role: 'schedule' }],
      },
    ];
    const table = section(renderReport(model), '## Scheduled Jobs');
    const row = table.split('\n').find((line) => line.includes('src/a.ts:3'));

    expect(row).toBe(
      '| node-cron | `0 * * * *` | `a \\| b c` | ⚠️ unguarded (fires on every instance) ' +
        '| `src/a.ts:3` |',
    );
  });

  it('warns when a Redis-backed queue keeps every job', () => {
    const queues = section(renderReport(richModel()), '## Queue Architecture');
    const emails = queues
      .split('\n')
      .find((line) => line.startsWith('| `emails`'));

    expect(emails).toContain('⚠️ keeps every job');
    expect(queues).toContain(
      'removeOnComplete `1000` (`src/queues/index.ts:10`)',
    );
  });

  it('shows a key TTL with its unit and a durable key without one', () => {
    const redis = section(renderReport(richModel()), '## Redis Usage Map');

    expect(redis).toContain(
      '| `session:{id}` | get, set | `86400` s (`src/lib/keys.ts:6`) |',
    );
    expect(redis).toContain(
      '| `order:{id}:status` | set | none | ⚠️ durable: no TTL',
    );
  });

  it('lists the queues each worker process consumes', () => {
    const workers = section(renderReport(richModel()), '## Worker Processes');

    expect(workers).toContain(
      'consumes `orders` (`src/worker/index.ts:10`), `emails` (`src/worker/emails.ts:7`).',
    );
  });

  it('multiplies concurrency by replicas and names each bottleneck', () => {
    const knobs = section(renderReport(richModel()), '## Scaling Knobs');

    expect(knobs).toContain(
      '× 2 replicas of **worker** (`docker-compose.yml:16`) = up to 16',
    );
    expect(knobs).toContain(
      'One Redis serves every queue, key and channel (`src/lib/redis.ts:4`)',
    );
    expect(knobs).toContain(
      'fires 3 times per tick with 3 replicas of **web**',
    );
    expect(knobs).toContain(
      'Queue `emails` sets no removeOnComplete or removeOnFail',
    );
    expect(knobs).toContain('Only the leader runs `reconcileOrders`');
    expect(knobs).toContain('`worker:emails` is never closed on shutdown');
    expect(knobs).toContain('Key `order:{id}:status` never expires');
  });

  it('folds entries that start nothing recognized into one line', () => {
    const model = richModel();
    const idle = ['seed', 'codegen', 'lint', 'docs', 'bench', 'release'];
    model.processes.push(
      ...idle.map((name, i) => ({
        name,
        kinds: [],
        startedBy: [`package.json#scripts.${name}`],
        sites: [{ file: 'package.json', line: i + 4, role: 'entry' }],
      })),
    );
    const knobs = section(renderReport(model), '## Scaling Knobs');

    expect(knobs).toContain(
      '- 6 entries start no server, worker or schedule the analyzers recognize: ' +
        '`seed`, `codegen`, `lint`, `docs`, `bench`, +1 more.',
    );
    expect(knobs).not.toContain('kind unknown');
  });

  it('ranks key files by the facts they hold', () => {
    const files = section(renderReport(richModel()), '## Key Scaling Files');

    expect(files.trim().split('\n')[0]).toMatch(
      /^1\. `src\/worker\/index\.ts`: 8 facts: queue/,
    );
  });

  it('lists skipped files by reason and failed analyzers', () => {
    const model = richModel();
    model.stats.skipped = ['a', 'b', 'c', 'd'].map((name) => ({
      file: `gen/${name}.js`,
      reason: 'too-large',
    }));
    model.stats.failedAnalyzers = [
      { analyzer: 'pubsub', message: 'boom at src/x.ts' },
    ];
    const notes = section(renderReport(model), '## Analysis notes');

    expect(notes).toContain(
      'Analyzer **pubsub** failed, so this report is partial',
    );
    expect(notes).toContain(
      '4 files skipped (too-large): `gen/a.js`, `gen/b.js`, `gen/c.js` and 1 more.',
    );
  });

  it('renders the same text twice', () => {
    expect(renderReport(richModel())).toBe(renderReport(richModel()));
  });

  it('renders the full report of a rich model', () => {
    expect(renderReport(richModel())).toMatchSnapshot();
  });
});
