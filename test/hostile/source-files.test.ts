import { analyzeTree } from '../../src/pipeline/analyze-tree.js';
import { inspectContent } from '../../src/source/inspect-content.js';
import { MemoryTree } from '../../src/source/memory-tree.js';

const IMPORT = "import { Queue } from 'bullmq';\n";
const QUEUE = `${IMPORT}export const emails = new Queue('emails');\n`;
/** Each hostile file must be dealt with well within this, in milliseconds. */
const PER_FILE_MS = 3000;

/** `unit` repeated `n` times, one per line, so the file never looks minified. */
function lines(unit: string, n: number): string {
  return `${unit}\n`.repeat(n);
}

const N = 100_000;

/**
 * Files that overflow a recursive parser or walker, or stall a naive one.
 * Each names the analyzer's library, so the pre-filter sends it to the parser.
 */
const HOSTILE: [string, string | Buffer, string | undefined][] = [
  [
    'binary data named .ts',
    Buffer.concat([Buffer.from(IMPORT), Buffer.alloc(64, 0)]),
    'binary',
  ],
  [
    'invalid UTF-8',
    Buffer.concat([Buffer.from(IMPORT), Buffer.from([0xc3, 0x28, 0xff])]),
    'invalid-utf8',
  ],
  [
    'a 5 MB minified bundle',
    `${IMPORT}${'var a=1,b=2;'.repeat(440_000)}`,
    'too-large',
  ],
  [
    'a minified bundle under the size cap',
    `${IMPORT}${'var a=(1,2);'.repeat(80_000)}`,
    'minified',
  ],
  [
    '100,000 nested parentheses',
    `${IMPORT}const x = ${'('.repeat(N)}1${')'.repeat(N)};\n`,
    'minified',
  ],
  [
    '100,000 nested parentheses, one per line',
    `${IMPORT}const x = ${lines('(', N)}1${lines(')', N)};\n`,
    'too-deep',
  ],
  [
    'a 10,000-deep chained call',
    `${IMPORT}new Queue('a')${'.add("x", 1)'.repeat(10_000)};\n`,
    'minified',
  ],
  [
    'a 10,000-deep chained call, one link per line',
    `${IMPORT}new Queue('a')\n${lines('  .add("x", 1)', 10_000)};\n`,
    'too-deep',
  ],
  [
    'a 100,000-deep property chain, one per line',
    `${IMPORT}const x = a\n${lines('.b', N)};\n`,
    'too-deep',
  ],
  [
    '100,000 prefix operators',
    `${IMPORT}const x = ${lines('!', N)}a;\n`,
    'too-deep',
  ],
  [
    '20,000 curried arrows',
    `${IMPORT}const f = ${lines('(a) =>', 20_000)} 1;\n`,
    'too-deep',
  ],
  [
    '20,000 else-ifs',
    `${IMPORT}if (a) {}\n${lines('else if (a) {}', 20_000)}`,
    'too-deep',
  ],
  [
    '50,000 nested ternaries',
    `${IMPORT}const x = ${lines('a ? b :', 50_000)} c;\n`,
    'too-deep',
  ],
  [
    '100,000 chained assignments',
    `${IMPORT}let a;\n${lines('a =', N)} 1;\n`,
    'too-deep',
  ],
  [
    '20,000 nested JSX elements',
    `${IMPORT}const t = ${lines('<a>', 20_000)}${lines('</a>', 20_000)};\n`,
    'too-deep',
  ],
  [
    '20,000 nested generics',
    `${IMPORT}type T = ${lines('A<', 20_000)}B${lines('>', 20_000)};\n`,
    'too-deep',
  ],
  [
    '100,000 awaits',
    `${IMPORT}async function f() {\n${lines('await', N)} a;\n}\n`,
    'too-deep',
  ],
  [
    '100,000 string concatenations as a queue name',
    `${IMPORT}new Queue('a'\n${lines("+ 'b'", N)});\n`,
    'too-deep',
  ],
  [
    '100,000 arguments',
    `${IMPORT}new Queue('a',\n${lines('1,', N)});\n`,
    undefined,
  ],
];

describe('hostile source files', () => {
  it.each(HOSTILE)(
    '%s: skipped or analyzed, never thrown, within time',
    async (_name, content, reason) => {
      const started = performance.now();

      const model = await analyzeTree(
        new MemoryTree(
          { 'src/hostile.ts': content, 'src/queue.ts': QUEUE },
          'hostile',
        ),
      );

      expect(performance.now() - started).toBeLessThan(PER_FILE_MS);
      const skipped = model.stats.skipped.find(
        (file) => file.file === 'src/hostile.ts',
      );
      expect(skipped?.reason).toBe(reason);
      // The file next to it is still analyzed: one bad file never sinks the run.
      expect(model.queues.map((queue) => queue.name)).toContain('emails');
    },
  );

  it('keeps analyzing the files after one that overflowed the parser', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 5; i++) {
      files[`src/a${i}-deep.ts`] = `${IMPORT}const x = ${lines('!', N)}a;\n`;
      files[`src/a${i}-queue.ts`] = `${IMPORT}new Queue('q${i}');\n`;
    }

    const model = await analyzeTree(new MemoryTree(files, 'interleaved'));

    expect(model.queues.map((queue) => queue.name).sort()).toEqual([
      'q0',
      'q1',
      'q2',
      'q3',
      'q4',
    ]);
    expect(model.stats.skipped.map((file) => file.reason)).toEqual(
      Array(5).fill('too-deep'),
    );
  });

  it.each([
    [
      'a long semicolon-free file of short chains',
      lines("app.get('/x').use(y)", 5000),
    ],
    [
      'a long object of member reads',
      `export const env = {\n${lines('  a: process.env.A,', 5000)}};\n`,
    ],
    [
      'a 1,000-link promise chain with leading dots',
      `p\n${lines('  .then((x) => x)', 1000)};\n`,
    ],
  ])('does not mistake %s for a deep one', (_name, text) => {
    expect(inspectContent(Buffer.from(text))).toEqual({ text });
  });
});
