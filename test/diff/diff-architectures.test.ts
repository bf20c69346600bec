import { diffArchitectures } from '../../src/diff/diff-architectures.js';
import { summarize } from '../../src/diff/summarize.js';
import type { Queue } from '../../src/model/types.js';
import {
  buildModel,
  expression,
  literal,
  queue,
  redisKey,
  retained,
  site,
} from './build-model.js';

/** Every site and option of a queue moved to another file and shifted down. */
function moved(q: Queue, file: string, shift: number): Queue {
  const options = Object.fromEntries(
    Object.entries(q.options).map(([key, option]) => [
      key,
      { ...option, file, line: option.line + shift },
    ]),
  );
  const sites = q.sites.map((s) => ({ ...s, file, line: s.line + shift }));
  return { ...q, options, sites };
}

describe('diffArchitectures', () => {
  it('sorts by severity, then rule, then subject', () => {
    const base = buildModel({
      queues: [queue('b', retained()), queue('a', retained())],
    });
    const head = buildModel({
      queues: [
        {
          ...queue('a', retained()),
          sites: [site('src/api.ts', 1, 'producer')],
        },
        queue('c', retained()),
        queue('d', {}),
      ],
      redisKeys: [redisKey('seen:{id}')],
    });

    const findings = diffArchitectures(base, head).findings;

    expect(
      findings.map((f) => `${f.severity} ${f.rule} ${f.subject?.name}`),
    ).toEqual([
      'error consumer-missing a',
      'warning job-retention-missing d',
      'warning queue-removed b',
      'warning redis-key-no-ttl seen:{id}',
      'info queue-added c',
      'info queue-added d',
      'info redis-key-added seen:{id}',
    ]);
  });

  it('pairs a key whose dynamic part is named differently, and reports none', () => {
    const base = buildModel({
      redisKeys: [
        redisKey('collaborators:{document.id}', {
          ttl: literal(60, 'src/a.ts', 3),
        }),
      ],
    });
    const head = buildModel({
      redisKeys: [
        redisKey('collaborators:{event.documentId}', {
          ttl: literal(60, 'src/a.ts', 3),
        }),
      ],
    });

    expect(diffArchitectures(base, head).findings).toEqual([]);
  });

  it.each([
    [['set'], ['redis-key-no-ttl', 'redis-key-added']],
    [
      ['sadd', 'smembers'],
      ['redis-key-no-ttl', 'redis-key-added'],
    ],
    [
      ['hdel', 'hset'],
      ['redis-key-no-ttl', 'redis-key-added'],
    ],
    [['del', 'sadd'], ['redis-key-added']],
    [['get', 'set', 'unlink'], ['redis-key-added']],
    [['getdel', 'set'], ['redis-key-added']],
  ])(
    'a new key without a TTL written with %j grows without bound only if nothing deletes it',
    (operations, rules) => {
      const head = buildModel({
        redisKeys: [redisKey('invite:{code}', { operations })],
      });

      expect(
        diffArchitectures(buildModel(), head).findings.map((f) => f.rule),
      ).toEqual(rules);
    },
  );

  it('turns rules off and re-grades them', () => {
    const head = buildModel({ queues: [queue('emails', {})] });

    const findings = diffArchitectures(buildModel(), head, {
      rules: {
        'queue-added': { severity: 'warning' },
        'job-retention-missing': { enabled: false },
      },
    }).findings;

    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['queue-added', 'warning'],
    ]);
  });

  it('keeps fingerprints across line shifts and file moves', () => {
    const before = queue('emails', {
      attempts: literal(3, 'src/queues.ts', 6),
    });
    const after = queue('emails', { attempts: literal(5, 'src/queues.ts', 6) });
    const base = buildModel({ queues: [before] });

    const here = diffArchitectures(
      base,
      buildModel({ queues: [after] }),
    ).findings;
    const there = diffArchitectures(
      base,
      buildModel({ queues: [moved(after, 'src/jobs/email-queue.ts', 40)] }),
    ).findings;

    const retry = (f: typeof here) => f.find((x) => x.rule === 'retry-changed');
    expect(retry(there)?.file).toBe('src/jobs/email-queue.ts');
    expect(retry(there)?.line).toBe(46);
    expect(retry(there)?.fingerprint).toBe(retry(here)?.fingerprint);
    expect(there.map((f) => f.fingerprint)).toEqual(
      here.map((f) => f.fingerprint),
    );
  });

  it('gives different subjects and option keys different fingerprints', () => {
    const head = buildModel({ queues: [queue('a', {}), queue('b', {})] });

    const prints = diffArchitectures(buildModel(), head).findings.map(
      (f) => f.fingerprint,
    );

    expect(new Set(prints).size).toBe(prints.length);
  });

  it.each([
    [
      'a file move and line shift',
      moved(
        queue('emails', {
          ...retained(),
          attempts: literal(3, 'src/queues.ts', 6),
        }),
        'src/q/emails.ts',
        12,
      ),
    ],
    [
      'a literal replaced by a constant of the same value',
      queue('emails', {
        ...retained(),
        attempts: {
          source: 'constant',
          value: 3,
          text: 'RETRIES',
          file: 'src/config.ts',
          line: 2,
        },
      }),
    ],
    [
      'options listed in another order',
      {
        ...queue('emails', {}),
        options: { attempts: literal(3, 'src/queues.ts', 6), ...retained() },
      },
    ],
    [
      'the same queue split into a Nest entry',
      {
        ...queue('emails', {
          ...retained(),
          attempts: literal(3, 'src/queues.ts', 6),
        }),
        library: 'nestjs-bullmq' as const,
      },
    ],
  ])('reports nothing for %s', (_name, headQueue) => {
    const base = buildModel({
      queues: [
        queue('emails', {
          ...retained(),
          attempts: literal(3, 'src/queues.ts', 6),
        }),
      ],
    });

    expect(
      diffArchitectures(base, buildModel({ queues: [headQueue] })).findings,
    ).toEqual([]);
  });

  it('compares dynamic values by their text without formatting', () => {
    const withConcurrency = (text: string) =>
      buildModel({
        queues: [
          queue('emails', {
            ...retained(),
            concurrency: expression(text, 'src/w.ts', 3),
          }),
        ],
      });

    const reformatted = diffArchitectures(
      withConcurrency("Number(env['CONCURRENCY'])"),
      withConcurrency('Number( env[ "CONCURRENCY" ] )'),
    );
    const changed = diffArchitectures(
      withConcurrency('env.CONCURRENCY'),
      withConcurrency('env.WORKERS'),
    );

    expect(reformatted.findings).toEqual([]);
    expect(changed.findings.map((f) => f.message)).toEqual([
      'Queue `emails` (bullmq): concurrency `env.CONCURRENCY` → `env.WORKERS`.',
    ]);
  });

  it('carries summaries and both models', () => {
    const head = buildModel({
      queues: [queue('emails', retained())],
      redisKeys: [redisKey('k')],
    });

    const result = diffArchitectures(buildModel(), head);

    expect(result.base.queues).toBe(0);
    expect(result.head).toEqual(summarize(head));
    expect(result.head).toMatchObject({
      queues: 1,
      redisKeys: 1,
      schedules: 0,
    });
    expect(result.headModel).toBe(head);
  });
});

describe('rule boundaries', () => {
  it('asks no retention of broker-backed queues', () => {
    const head = buildModel({
      queues: [queue('orders', {}, 'src/amqp.ts', 'amqplib')],
    });

    const rules = diffArchitectures(buildModel(), head).findings.map(
      (f) => f.rule,
    );

    expect(rules).toEqual(['queue-added']);
  });

  it('asks no retention of a queue whose options did not change', () => {
    const base = buildModel({ queues: [queue('emails', {})] });
    const head = buildModel({ queues: [queue('emails', {}, 'src/moved.ts')] });

    expect(diffArchitectures(base, head).findings).toEqual([]);
  });

  it('asks retention when a kept queue changes options, accepting job-level keys', () => {
    const base = buildModel({
      queues: [queue('emails', { concurrency: literal(1, 'w.ts', 1) })],
    });
    const withJobRetention = queue('emails', {
      concurrency: literal(2, 'w.ts', 1),
      'job.welcome.removeOnComplete': literal(100, 'a.ts', 3),
    });

    const findings = diffArchitectures(
      base,
      buildModel({ queues: [withJobRetention] }),
    ).findings;

    expect(findings.map((f) => f.message)).toEqual([
      'Queue `emails` (bullmq) sets no removeOnFail.',
      'Queue `emails` (bullmq): concurrency 1 → 2.',
    ]);
  });

  it('treats removeOnComplete: false as no retention', () => {
    const head = buildModel({
      queues: [
        queue('emails', {
          ...retained(),
          removeOnComplete: literal(false, 'q.ts', 4),
        }),
      ],
    });

    const messages = diffArchitectures(buildModel(), head).findings.map(
      (f) => f.message,
    );

    expect(messages).toContain(
      'Queue `emails` (bullmq) sets no removeOnComplete.',
    );
  });

  it('does not report a consumer gap the base already had', () => {
    const producerOnly = {
      ...queue('emails', retained()),
      sites: [site('src/api.ts', 5, 'producer')],
    };

    const findings = diffArchitectures(
      buildModel({ queues: [producerOnly] }),
      buildModel({
        queues: [
          { ...producerOnly, sites: [site('src/api.ts', 9, 'producer')] },
        ],
      }),
    ).findings;

    expect(findings).toEqual([]);
  });

  it('leaves keys owned by a queue library to the queue rules', () => {
    const head = buildModel({
      redisKeys: [redisKey('bull:emails:{id}', { ownedBy: 'bullmq' })],
    });

    expect(diffArchitectures(buildModel(), head).findings).toEqual([]);
  });

  it('does not report dead-letter loss for a queue that is removed', () => {
    const base = buildModel({
      queues: [queue('emails', retained())],
      failureHandling: [
        {
          kind: 'dead-letter',
          queue: 'emails',
          detail: 'dlq',
          sites: [site('w.ts', 4, 'failed')],
        },
      ],
    });

    const rules = diffArchitectures(base, buildModel()).findings.map(
      (f) => f.rule,
    );

    expect(rules).toEqual(['queue-removed']);
  });

  it('reports redrive loss once per mechanism', () => {
    const sqs = (options = {}) => queue('jobs', options, 'src/sqs.ts', 'sqs');
    const base = buildModel({
      queues: [
        sqs({
          'redrive.deadLetterTarget': literal('arn:dlq', 'src/sqs.ts', 9),
          'redrive.maxReceiveCount': literal(5, 'src/sqs.ts', 8),
        }),
      ],
    });

    const findings = diffArchitectures(
      base,
      buildModel({ queues: [sqs()] }),
    ).findings;

    expect(findings.map((f) => [f.rule, f.message, f.line, f.side])).toEqual([
      [
        'dead-letter-removed',
        'Queue `jobs` (sqs) no longer sets redrive.',
        8,
        'base',
      ],
    ]);
  });

  it('pairs shutdown handlers of one trigger by what they close', () => {
    const handler = (file: string, closes: string[]) => ({
      trigger: 'SIGTERM',
      closes,
      sites: [site(file, 50, 'handler')],
    });
    const base = buildModel({
      shutdown: [
        handler('src/web.ts', ['server', 'redis']),
        handler('src/worker.ts', ['worker:orders']),
      ],
    });
    const moved = buildModel({
      shutdown: [
        handler('src/main/worker.ts', ['worker:orders']),
        handler('src/main/web.ts', ['server', 'redis']),
      ],
    });
    const oneGone = buildModel({
      shutdown: [handler('src/web.ts', ['server', 'redis'])],
    });

    expect(diffArchitectures(base, moved).findings).toEqual([]);
    expect(
      diffArchitectures(base, oneGone).findings.map((f) => [f.message, f.file]),
    ).toEqual([
      [
        'The `SIGTERM` shutdown handler is removed (closed worker:orders).',
        'src/worker.ts',
      ],
    ]);
  });

  it('matches failure handling by queue, not by the locations in its detail', () => {
    const swallowed = (line: number) =>
      buildModel({
        failureHandling: [
          {
            kind: 'error-swallowed',
            queue: 'emails',
            detail: `the processor catches every error at src/worker.ts:${line}`,
            sites: [site('src/worker.ts', line, 'catch')],
          },
        ],
      });

    expect(diffArchitectures(swallowed(25), swallowed(31)).findings).toEqual(
      [],
    );
    expect(
      diffArchitectures(buildModel(), swallowed(25)).findings.map(
        (f) => f.rule,
      ),
    ).toEqual(['error-swallowed-added']);
  });
});
