import {
  buildPrefilter,
  scanImportSpecifiers,
} from '../../src/facts/prefilter.js';
import { registry } from '../../src/analyzers/registry.js';
import { analyzeFiles } from '../helpers/analyze-files.js';

/**
 * The pre-filter decides which files are parsed. `analyzeFiles` compares
 * every analysis with one that parses everything; these fixtures are the
 * shapes where a library hides behind local modules.
 */
describe('pre-filter and wrapper walk', () => {
  it.each([
    [
      'a producer on a queue exported by a wrapper module',
      {
        'src/queues.ts': `import { Queue } from 'bullmq';\nexport const mail = new Queue('mail');\n`,
        'src/api/send.ts': `import { mail } from '../queues';\nexport const send = () => mail.add('x', {});\n`,
      },
      { file: 'src/api/send.ts', line: 2, role: 'producer' },
    ],
    [
      'a producer behind a barrel re-export',
      {
        'src/queues/mail.ts': `import { Queue } from 'bullmq';\nexport const mail = new Queue('mail');\n`,
        'src/queues/index.ts': `export * from './mail';\n`,
        'src/api/send.ts': `import { mail } from '../queues';\n\nmail.add('x', {});\n`,
      },
      { file: 'src/api/send.ts', line: 3, role: 'producer' },
    ],
    [
      'a producer behind a getter that returns a lazily built queue',
      {
        'src/queues/mail.ts': `import { Queue } from 'bullmq';\nexport const build = () => new Queue('mail');\n`,
        'src/queues/index.ts': `import { build } from './mail';\nlet q;\nexport function getMail() { if (!q) { q = build(); } return q; }\n`,
        'src/jobs/run.ts': `import { getMail } from '../queues';\nexport async function run() {\n  await getMail().add('x', {});\n}\n`,
      },
      { file: 'src/jobs/run.ts', line: 3, role: 'producer' },
    ],
    [
      'a producer importing through a tsconfig path alias',
      {
        'tsconfig.json': `{ "compilerOptions": { "baseUrl": ".", "paths": { "@app/*": ["src/*"] } } }`,
        'src/queues.ts': `import { Queue } from 'bullmq';\nexport const mail = new Queue('mail');\n`,
        'src/api/send.ts': `import { mail } from '@app/queues';\nmail.add('x', {});\n`,
      },
      { file: 'src/api/send.ts', line: 2, role: 'producer' },
    ],
    [
      'a producer importing a workspace package by name',
      {
        'packages/shared/package.json': `{ "name": "@acme/shared", "main": "dist/index.js" }`,
        'packages/shared/src/queues.ts': `import { Queue } from 'bullmq';\nexport const mail = new Queue('mail');\n`,
        'packages/shared/src/index.ts': `export * from './queues';\n`,
        'apps/api/src/send.ts': `import { mail } from '@acme/shared';\nmail.add('x', {});\n`,
      },
      { file: 'apps/api/src/send.ts', line: 2, role: 'producer' },
    ],
  ])('keeps %s', async (_label, files, producer) => {
    const model = await analyzeFiles(files);
    expect(model.queues.map((queue) => queue.name)).toEqual(['mail']);
    expect(model.queues[0]?.sites).toContainEqual(producer);
  });

  it('matches each keyword as a plain string, with no regex meaning', () => {
    const matches = buildPrefilter(['a.b(', '[x]']);
    expect(matches('call a.b(1)')).toBe(true);
    expect(matches('aXb(')).toBe(false);
    expect(matches('[x]')).toBe(true);
  });

  it('finds import, export-from, require and dynamic import specifiers', () => {
    const text = `import a from './a';\nexport * from "./b";\nconst c = require('./c');\nawait import('./d');`;
    expect(scanImportSpecifiers(text)).toEqual(['./a', './b', './c', './d']);
  });

  it('lists a keyword for every analyzer', () => {
    for (const analyzer of registry) {
      expect(analyzer.keywords.length).toBeGreaterThan(0);
    }
  });
});
