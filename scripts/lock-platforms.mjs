#!/usr/bin/env node
// The npm registry reachable from the project's machines serves only the Linux builds of Biome's
// per-platform binaries, so `npm install` here leaves the other platforms out of package-lock.json
// and `npm ci` then refuses the lock ("Missing: @biomejs/cli-darwin-arm64 from lock file"). This
// puts those optional entries back (os/cpu/libc only: npm skips them on other platforms and fetches
// them by name on theirs). Run it after any `npm install` that rewrites the lock file.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;
const biome = packages['node_modules/@biomejs/biome'];
const PLATFORMS = {
  'cli-android-arm64': { os: ['android'], cpu: ['arm64'] },
  'cli-android-x64': { os: ['android'], cpu: ['x64'] },
  'cli-darwin-arm64': { os: ['darwin'], cpu: ['arm64'] },
  'cli-darwin-x64': { os: ['darwin'], cpu: ['x64'] },
  'cli-linux-arm64': { os: ['linux'], cpu: ['arm64'] },
  'cli-linux-arm64-musl': { os: ['linux'], cpu: ['arm64'], libc: ['musl'] },
  'cli-linux-x64': { os: ['linux'], cpu: ['x64'] },
  'cli-linux-x64-musl': { os: ['linux'], cpu: ['x64'], libc: ['musl'] },
  'cli-win32-arm64': { os: ['win32'], cpu: ['arm64'] },
  'cli-win32-x64': { os: ['win32'], cpu: ['x64'] },
};
const added = [];
for (const [name, platform] of Object.entries(PLATFORMS)) {
  const key = `node_modules/@biomejs/${name}`;
  if (packages[key]) continue;
  packages[key] = {
    version: biome.version,
    dev: true,
    license: 'MIT OR Apache-2.0',
    optional: true,
    ...platform,
  };
  added.push(name);
}
const [root, ...rest] = Object.entries(packages);
lock.packages = Object.fromEntries([root, ...rest.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added.length ? `lock: added ${added.join(', ')}` : 'lock: complete');
