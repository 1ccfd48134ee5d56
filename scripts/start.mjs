#!/usr/bin/env node
/**
 * `npm start`: build with electron-vite, then launch Electron on the build.
 * `npm run dev` (`--dev`): electron-vite dev (Vite dev server for the renderer, rebuilds main).
 *
 * The Electron binary is not installed with the dependencies (its download needs Electron's
 * release host). If it is missing, this tries electron's own installer once and, if that fails,
 * says so plainly: the CLI and the tests never need the binary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronPackage = join(root, 'node_modules', 'electron');
const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
const dev = process.argv.includes('--dev');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** The binary path the electron package would use, or undefined when it is not installed. */
function electronBinary() {
  const pathFile = join(electronPackage, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronPackage, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

function ensureElectron() {
  const found = electronBinary();
  if (found) return found;
  console.log(
    "[start] The Electron binary is not installed; trying electron's installer (node_modules/electron/install.js)…",
  );
  const status = run(process.execPath, [join(electronPackage, 'install.js')]);
  const installed = status === 0 ? electronBinary() : undefined;
  if (installed) return installed;
  console.error(
    [
      '',
      '[start] Could not install the Electron binary: node_modules/electron/install.js failed.',
      '        It downloads Electron from its release host (github.com/electron/electron/releases);',
      '        this machine cannot reach it. Either allow that download, or set ELECTRON_MIRROR to a',
      '        mirror you can reach, then run `npm start` again.',
      '        Everything else works without the binary: the CLI (`npm run casevault -- --help`),',
      '        `npm test`, `npm run build`, and the e2e tests (which drive the renderer in Chromium).',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const binary = ensureElectron();
if (dev) {
  process.exit(
    run(process.execPath, [electronVite, 'dev'], { env: { ...process.env, ELECTRON_EXEC_PATH: binary } }),
  );
}
const built = run(process.execPath, [electronVite, 'build']);
if (built !== 0) process.exit(built);
process.exit(run(binary, [root]));
