import { FactExtractor } from '../../src/facts/extract-file-facts.js';
import type { Expr } from '../../src/facts/expr.js';
import { patternOf } from '../../src/facts/expr.js';
import { createModuleResolver } from '../../src/facts/module-resolver.js';
import { Resolver } from '../../src/facts/resolver.js';
import type { FileFacts } from '../../src/facts/types.js';

/** Resolves the top-level binding `target` of `main.ts` across `files`. */
function resolveBinding(
  files: Record<string, string>,
  target = 'target',
): Expr[] {
  const extractor = new FactExtractor([]);
  const facts = new Map<string, FileFacts>();
  for (const [path, text] of Object.entries(files)) {
    const result = extractor.extract(path, text);
    if ('facts' in result) {
      facts.set(path, result.facts);
    }
  }
  const resolver = new Resolver({
    factsOf: (path) => facts.get(path),
    resolveModule: createModuleResolver(Object.keys(files)),
  });
  const binding = facts.get('main.ts')?.bindings[target];
  if (!binding) {
    throw new Error(`no binding ${target}`);
  }
  return resolver.expand(binding, 'main.ts');
}

describe('Resolver', () => {
  it.each([
    ['a literal', { 'main.ts': `const target = 'email';` }, ['email']],
    [
      'a constant imported from another file',
      {
        'main.ts': `import { EMAIL } from './constants.js'; const target = EMAIL;`,
        'constants.ts': `export const EMAIL = 'email-queue';`,
      },
      ['email-queue'],
    ],
    [
      'an enum member through a re-export',
      {
        'main.ts': `import { Queues } from './index'; const target = Queues.Email;`,
        'index.ts': `export * from './queues';`,
        'queues.ts': `export enum Queues { Email = 'email', Sms = 'sms' }`,
      },
      ['email'],
    ],
    [
      'every value of an enum',
      {
        'main.ts': `import { Queues } from './queues';
          const target = Object.values(Queues).map((name) => name)[0];`,
        'queues.ts': `export enum Queues { Email = 'email', Sms = 'sms' }`,
      },
      ['{Object.values(Queues).map((name) => name)[0]}'],
    ],
    [
      'a config object path',
      {
        'main.ts': `import config from './config'; const target = config.queues.mail.name;`,
        'config.ts': `const base = { queues: { mail: { name: 'mail' } } }; export default base;`,
      },
      ['mail'],
    ],
    [
      'a helper that builds a key',
      {
        'main.ts': `import { sessionKey } from './keys';
          function f(userId: string) { return 1 }
          const target = sessionKey('abc');`,
        'keys.ts': `const PREFIX = 'app';
          export const sessionKey = (id: string) => \`\${PREFIX}:session:\${id}\`;`,
      },
      ['app:session:abc'],
    ],
    [
      'arithmetic on constants',
      {
        'main.ts': `import { MINUTE } from './time'; const target = 5 * MINUTE;`,
        'time.ts': `export const SECOND = 1000; export const MINUTE = 60 * SECOND;`,
      },
      [300000],
    ],
    [
      'a dynamic value kept as written',
      { 'main.ts': `const target = process.env.QUEUE_NAME;` },
      ['{process.env.QUEUE_NAME}'],
    ],
  ])('resolves %s', (_label, files, expected) => {
    const values = resolveBinding(files).map((expr) =>
      expr.k === 'lit' && typeof expr.v === 'number' ? expr.v : patternOf(expr),
    );
    expect(values).toEqual(expected);
  });

  it('expands a for-of loop over Object.values of an enum', () => {
    const files = {
      'main.ts': `import { Q } from './q';
        import { Queue } from 'bullmq';
        export const target = [];
        for (const name of Object.values(Q)) { const x = name; }`,
      'q.ts': `export enum Q { A = 'a', B = 'b' }`,
    };
    expect(resolveBinding(files)).toEqual([
      expect.objectContaining({ k: 'arr' }),
    ]);
  });

  it('resolves a wrapper class to the library class and its super() arguments', () => {
    const files = {
      'main.ts': `import { EmailQueue } from './email-queue';
        const target = new EmailQueue('x');`,
      'email-queue.ts': `import { Queue } from 'bullmq';
        const NAME = 'email';
        export class EmailQueue extends Queue {
          constructor(other: string) { super(NAME, { prefix: other }); }
        }`,
    };
    const [value] = resolveBinding(files);
    expect(value).toMatchObject({
      k: 'new',
      callee: { k: 'ext', module: 'bullmq', name: 'Queue' },
      args: [
        { k: 'lit', v: 'email' },
        {
          k: 'obj',
          props: [['prefix', expect.objectContaining({ k: 'lit', v: 'x' })]],
        },
      ],
    });
  });
});
