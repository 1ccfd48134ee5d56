#!/usr/bin/env node
/**
 * The installed `casevault` command (npm link / npm install -g .). The CLI is TypeScript run by
 * Node's type stripping; a Node that cannot strip types (Node 20, or stripping turned off) hands
 * over to the project's own Node 24 from node_modules/node, with the same arguments and terminal.
 * Plain JavaScript so that any Node from 18 up can run this file.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

function canStripTypes() {
  // Node ≥ 22.10 / 23 says it directly ("strip", "transform" or false when turned off).
  const flag = process.features?.typescript;
  if (flag !== undefined) return Boolean(flag);
  // Older Nodes have no flag; stripping by default arrived in 23.6 and 22.18, after the flag.
  return false;
}

const entry = fileURLToPath(new URL('../electron/cli/main.ts', import.meta.url));

if (canStripTypes()) {
  await import(pathToFileURL(entry).href);
} else {
  const candidates = ['../node_modules/node/bin/node', '../node_modules/node/bin/node.exe'].map((rel) =>
    fileURLToPath(new URL(rel, import.meta.url)),
  );
  const node = candidates.find((file) => existsSync(file));
  if (!node) {
    process.stderr.write(
      `casevault: this Node (${process.version}) cannot run TypeScript and the project's Node 24 is missing.\n` +
        'Run `npm install` in the CaseVault folder, or use Node 22.18 or newer.\n' +
        `casevault : ce Node (${process.version}) ne sait pas exécuter TypeScript et le Node 24 du projet manque.\n` +
        'Lancez `npm install` dans le dossier de CaseVault, ou utilisez Node 22.18 ou plus récent.\n',
    );
    process.exit(70);
  }
  const child = spawn(node, [entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  // The child shares our terminal, so it gets Ctrl-C itself; we only must not die before it.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => {});
  child.on('error', () => {
    process.stderr.write('casevault: cannot start Node 24 / impossible de lancer Node 24.\n');
    process.exit(70);
  });
  child.on('exit', (code, signal) => {
    if (signal) {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    } else {
      process.exit(code ?? 70);
    }
  });
}
