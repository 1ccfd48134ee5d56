#!/usr/bin/env node
/**
 * `npm run bench`: runs bench/run.ts on a Node that strips types (the project's Node 24 when the
 * current one cannot), prints that Node's version first, passes the exit code through.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const projectNode = ['node_modules/node/bin/node', 'node_modules/node/bin/node.exe']
  .map((rel) => fileURLToPath(new URL(`../${rel}`, import.meta.url)))
  .find((file) => existsSync(file));
const node = process.features?.typescript ? process.execPath : projectNode;
if (!node) {
  console.error(
    `bench: Node ${process.version} cannot run TypeScript and node_modules/node is missing (npm install).`,
  );
  process.exit(1);
}

const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
console.log(`bench: running bench/run.ts with ${node} (${version})`);
const result = spawnSync(node, ['bench/run.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
