import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The demo's path: `analyze examples/orders-service` from the repo root. */
async function analyzeExample(): Promise<string> {
  let stdout = '';
  let stderr = '';
  const code = await main(['analyze', 'examples/orders-service'], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: repoRoot,
    env: {},
  });
  if (code !== 0) {
    throw new Error(`analyze exited ${code}: ${stderr}`);
  }
  return stdout;
}

describe('the bundled example', () => {
  let report = '';

  beforeAll(async () => {
    report = await analyzeExample();
  });

  it('is reported under its path', () => {
    expect(report.split('\n')[0]).toBe(
      '# Scaling report: examples/orders-service',
    );
  });

  it.each([
    ['emails keeps every job', /\| `emails` .*⚠️ keeps every job/],
    [
      'the order status key never expires',
      /Key `order:\{\w+\}:status` never expires \(`src\/lib\/keys\.ts:\d+`/,
    ],
    [
      'the price refresh fires on every web replica',
      /`refreshPriceCache` .* fires 3 times per tick with 3 replicas of \*\*web\*\*/,
    ],
    [
      'the emails worker is never closed',
      /`worker:emails` \(`src\/worker\/emails\.ts:\d+`\)/,
    ],
    [
      'the receipt processor swallows errors',
      /⚠️ `emails`: .*\(`src\/worker\/emails\.ts:\d+`/,
    ],
  ])('reports the deliberate flaw: %s', (_, pattern) => {
    expect(report).toMatch(pattern);
  });

  it('reports what the example does right', () => {
    expect(report).toContain(
      '× 2 replicas of **worker** (`docker-compose.yml:24`) = up to 16 jobs at once',
    );
    expect(report).toMatch(
      /node-cron `\*\/5 \* \* \* \*` → `reconcilePayments` runs only on the elected leader/,
    );
    expect(report).toMatch(
      /1\. worker-publish: .*\(`src\/worker\/index\.ts:\d+`\)/,
    );
  });
});
