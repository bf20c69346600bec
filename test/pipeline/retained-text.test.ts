import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MemoryFactCache } from '../../src/facts/fact-cache.js';
import type { FileFacts } from '../../src/facts/types.js';
import { scanSources } from '../../src/pipeline/scan-sources.js';
import { DEFAULT_CONTENT_LIMITS } from '../../src/source/inspect-content.js';
import { MemoryTree } from '../../src/source/memory-tree.js';

// What an analysis holds after reading a file must not keep the file's
// text alive: V8 keeps a substring of 13 or more characters as a view into
// its parent, so one kept specifier or fact held a whole file. Each case
// reads FILES texts of TEXT_BYTES and measures the heap they leave behind.
setFlagsFromString('--expose_gc');
const gc = runInNewContext('gc') as () => void;

const FILES = 40;
const TEXT_BYTES = 1_000_000;
/** Far below the FILES * TEXT_BYTES a retained text per file would hold. */
const ALLOWED_GROWTH = 8_000_000;

/** A flat text of about TEXT_BYTES importing one long module specifier. */
function fileText(i: number): string {
  const padding = `// ${'x'.repeat(TEXT_BYTES)}\n`;
  return Buffer.from(
    `import { q } from '../shared/queues/definitions-${i}';\n${padding}`,
  ).toString('utf8');
}

function heapUsed(): number {
  gc();
  return process.memoryUsage().heapUsed;
}

describe('text left alive after reading', () => {
  it('scanned sources keep their specifiers, not the texts they were cut from', async () => {
    const files = new Map<string, Buffer>();
    for (let i = 0; i < FILES; i++) {
      files.set(`src/f${i}.ts`, Buffer.from(fileText(i)));
    }
    const tree = new MemoryTree(files);
    const before = heapUsed();

    const scanned = await scanSources(
      tree,
      [...files.keys()],
      () => false,
      { ...DEFAULT_CONTENT_LIMITS, maxFileBytes: 2 * TEXT_BYTES },
      undefined,
      [],
    );

    expect(scanned).toHaveLength(FILES);
    expect(scanned[3]?.scan.specifiers).toEqual([
      '../shared/queues/definitions-3',
    ]);
    expect(heapUsed() - before).toBeLessThan(ALLOWED_GROWTH);
  });

  it('the memory cache keeps facts, not the texts they were cut from', async () => {
    const cache = new MemoryFactCache();
    const before = heapUsed();

    for (let i = 0; i < FILES; i++) {
      const text = fileText(i);
      const cut = text.slice(text.indexOf("'") + 1, text.indexOf(';') - 1);
      const facts: FileFacts = {
        file: `src/f${i}.ts`,
        imports: [{ module: cut, imported: 'q', local: 'q', line: 1 }],
        exports: {},
        reExports: [],
        bindings: {},
        items: {},
      };
      await cache.set(`k${i}`, { direct: true, specifiers: [], facts });
    }

    const [held] = await cache.getMany(['k3']);
    expect(held?.facts?.imports[0]?.module).toBe(
      '../shared/queues/definitions-3',
    );
    expect(heapUsed() - before).toBeLessThan(ALLOWED_GROWTH);
  });
});
