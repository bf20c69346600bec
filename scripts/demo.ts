/**
 * `npm run demo`: the full architecture report of the bundled example,
 * produced the way a user gets it, through the `analyze` command.
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../src/cli/main.js';

const example = fileURLToPath(new URL('../examples/orders-service', import.meta.url));

process.exitCode = await main(['analyze', relative(process.cwd(), example) || '.'], {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
});
