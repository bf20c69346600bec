/**
 * `npm run demo`: what a user sees, produced through the CLI commands.
 * First the full architecture report of the bundled example, then the
 * pull-request comment for the change between its two versions.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';

const at = (path: string): string =>
  relative(process.cwd(), fileURLToPath(new URL(path, import.meta.url))) || '.';
const io = {
  stdout: (text: string) => void process.stdout.write(text),
  stderr: (text: string) => void process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
};

const base = at('../examples/orders-service');
const head = at('../examples/orders-service-pr');
const analyzed = await main(['analyze', base], io);
process.stdout.write(
  `\n\n---\n\n# The pull-request comment for ${base} -> ${head}\n\n`,
);
const diffed = await main(['diff', base, head], io);
process.exitCode = analyzed || diffed;
