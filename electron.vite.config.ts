/**
 * Three builds, one folder each under out/:
 * - main: electron/main/index.ts and the vault worker (electron/host/vault-worker.ts) as two ESM
 *   entries side by side, so main finds the worker at out/main/vault-worker.js. Dependencies stay
 *   external (node_modules ships in the app); the native SQLCipher binding must.
 * - preload: ONE CommonJS file, everything bundled but 'electron' — a sandboxed preload cannot
 *   require anything else and cannot be an ES module.
 * - renderer: renderer/index.html with React; the CSP <meta> tag is added at build time (the dev
 *   server needs inline scripts for React refresh, so dev pages go without it; main's protocol
 *   sends the CSP header in the built app).
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_META } from './electron/main/csp.ts';

const root = import.meta.dirname;

function cspMetaTag(): Plugin {
  return {
    name: 'casevault:csp-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      externalizeDeps: { include: ['better-sqlite3-multiple-ciphers'] },
      rolldownOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'vault-worker': resolve(root, 'electron/host/vault-worker.ts'),
        },
        external: ['better-sqlite3-multiple-ciphers'],
        output: { entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), cspMetaTag()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
