#!/usr/bin/env node
// `npm test`: everything CI checks, in order, on the Node the project brings (npm puts
// node_modules/.bin first on PATH, where the `node` devDependency installed Node 24 — Electron 45's
// Node). Typecheck, lint, build the app (the e2e tests drive the built renderer), then every vitest
// project. It ends with one plain line: "tests: N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

console.log(`Node ${process.version} (${process.execPath})`);
if (Number(process.versions.node.split('.')[0]) < 24) {
  console.error('The tests must run on Node 24 (Electron 45). Run them through `npm test` after `npm ci`.');
  process.exit(1);
}

function step(title, command, args) {
  console.log(`\n── ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
}

step('typecheck', bin('tsc'), ['-p', 'tsconfig.node.json']);
step('typecheck (renderer)', bin('tsc'), ['-p', 'tsconfig.web.json']);
step('lint', bin('biome'), ['check', '.']);
step('build', bin('electron-vite'), ['build']);

const chromium = process.env.CASEVAULT_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `\nChromium is needed for the e2e tests and was not found at ${chromium}. Run \`npm run install-browser\`.`,
  );
  process.exit(1);
}

mkdirSync(path.join(root, 'test-results'), { recursive: true });
const report = path.join(root, 'test-results', 'vitest.json');
console.log('\n── vitest (unit, dom, e2e)');
const run = spawnSync(
  bin('vitest'),
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
  {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
  },
);

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests;
  failed = json.numFailedTests;
  skipped = json.numPendingTests + (json.numTodoTests ?? 0);
} catch {
  failed = Math.max(failed, 1);
}
console.log(`\nNode ${process.version}`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
