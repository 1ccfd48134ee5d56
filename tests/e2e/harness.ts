/**
 * Runs the BUILT renderer (out/renderer) in Debian's Chromium, with no Electron and no server:
 * - every request to https://casevault.invalid/ is answered by main's own casevault:// protocol
 *   handler (electron/main/protocol.ts), so the page gets the app's files and the app's CSP and
 *   security headers byte for byte; `/__evidence__/<id>` and `/__received__/<id>` go to main's
 *   preview handlers (electron/main/preview-protocol.ts), Range header included, as in the app;
 * - `window.casevault` is built in the page by the preload's real `buildApi` (bundled at test start
 *   from tests/e2e/page-preload.ts), bridged by `exposeBinding` to the real main-process registry
 *   from `createAppServices` (real vault core in its worker, real SQLCipher, real Argon2id);
 * - main's events (`vault:locked`) are pushed into the page's subscriber list.
 * Each app gets a fresh temp vault folder, preferences file and Chromium profile.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { type AppServices, createAppServices } from '../../electron/main/app-services.ts';
import { APP_ORIGIN } from '../../electron/main/csp.ts';
import { withPreviewRoutes } from '../../electron/main/preview-protocol.ts';
import { createAppProtocolHandler } from '../../electron/main/protocol.ts';
import type { Language } from '../../shared/errors.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RENDERER_DIR = join(ROOT, 'out/renderer');
export const SCREENSHOTS_DIR = join(ROOT, 'tests/e2e/screenshots');
export const PAGE_ORIGIN = 'https://casevault.invalid';
export const CHROMIUM = process.env.CASEVAULT_CHROMIUM ?? '/usr/bin/chromium';
const AXE_URL = `${PAGE_ORIGIN}/__e2e__/axe.min.js`;

export function assertRendererBuilt(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(
      `${join(RENDERER_DIR, 'index.html')} is missing: the e2e tests run the built renderer. ` +
        'Run `npx electron-vite build` first (`npm run test:e2e` does both).',
    );
  }
}

let preloadBundle: Promise<string> | undefined;

/** Bundles tests/e2e/page-preload.ts (and so electron/preload/api.ts) into one classic script. */
export function pagePreloadScript(): Promise<string> {
  preloadBundle ??= (async () => {
    const result = await build({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      publicDir: false,
      build: {
        write: false,
        minify: false,
        emptyOutDir: false,
        lib: {
          entry: join(ROOT, 'tests/e2e/page-preload.ts'),
          formats: ['iife'],
          name: 'casevaultE2ePreload',
          fileName: () => 'page-preload.js',
        },
      },
    });
    const outputs = Array.isArray(result) ? result : [result];
    for (const output of outputs) {
      if (!('output' in output)) continue;
      const chunk = output.output.find((item) => item.type === 'chunk');
      if (chunk && chunk.type === 'chunk') return chunk.code;
    }
    throw new Error('could not bundle tests/e2e/page-preload.ts');
  })();
  return preloadBundle;
}

export interface RunningApp {
  page: Page;
  context: BrowserContext;
  services: AppServices;
  vaultDir: string;
  /** How many times main was asked to hide the window (panic). */
  hiddenCount(): number;
  /**
   * The OS dialogs' stand-ins: the test says what the next open dialog returns (files it created)
   * and where the next save dialog points (or undefined: the user cancelled); calls are recorded.
   */
  dialogs: {
    nextOpen: string[][];
    nextSave: Array<string | undefined>;
    readonly calls: Array<{ kind: 'open' | 'save'; options: unknown }>;
  };
  /** Console errors and CSP violations seen in the page. */
  pageErrors: string[];
  /** The app's temp folder (deleted on close): a place for files the dialogs hand out. */
  workDir: string;
  close(): Promise<void>;
}

export async function startApp(options: { systemLanguage?: Language } = {}): Promise<RunningApp> {
  assertRendererBuilt();
  const script = await pagePreloadScript();
  const work = await mkdtemp(join(tmpdir(), 'casevault-e2e-'));
  const vaultDir = join(work, 'vault');
  let hidden = 0;
  let page: Page | undefined;
  const dialogs: RunningApp['dialogs'] = { nextOpen: [], nextSave: [], calls: [] };

  const services = createAppServices({
    vaultDir,
    preferencesFile: join(work, 'preferences.json'),
    hideWindow: () => {
      hidden += 1;
    },
    sendEvent: (channel, payload) => {
      page
        ?.evaluate(
          ([event, data]) => {
            const target = globalThis as unknown as { __casevaultEmit?: (e: string, p: unknown) => void };
            target.__casevaultEmit?.(event, data);
          },
          [channel, payload] as const,
        )
        .catch(() => {
          // The page may be closing; main does not care whether anyone listens.
        });
    },
    appInfo: () => ({
      version: '0.0.0-e2e',
      platform: process.platform,
      systemLanguage: options.systemLanguage ?? 'fr',
    }),
    openDialog: async (dialogOptions) => {
      dialogs.calls.push({ kind: 'open', options: dialogOptions });
      return dialogs.nextOpen.shift() ?? [];
    },
    saveDialog: async (dialogOptions) => {
      dialogs.calls.push({ kind: 'save', options: dialogOptions });
      return dialogs.nextSave.shift();
    },
  });

  const context = await chromium.launchPersistentContext(join(work, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ],
    viewport: { width: 1100, height: 800 },
    locale: 'fr-FR',
  });

  // The same routing as main: the app's files, and previews from the vault at /__evidence__/ and
  // /__received__/.
  const protocol = withPreviewRoutes(createAppProtocolHandler(RENDERER_DIR), [
    services.evidenceProtocol,
    services.receivedProtocol,
  ]);
  const axeSource = await readFile(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await context.route(`${PAGE_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.href === AXE_URL) {
      // Served from the page's own origin so script-src 'self' allows it: the CSP stays as shipped.
      await route.fulfill({ body: axeSource, contentType: 'text/javascript; charset=utf-8' });
      return;
    }
    const range = route.request().headers().range;
    const response = await protocol(
      new Request(`${APP_ORIGIN}${url.pathname}${url.search}`, {
        method: route.request().method(),
        headers: range ? { range } : {},
      }),
    );
    await route.fulfill({
      status: response.status,
      headers: Object.fromEntries(response.headers.entries()),
      body: Buffer.from(await response.arrayBuffer()),
    });
  });
  // Anything else (a stray fetch, an external font) must not leave the machine.
  await context.route(
    (url) => !url.href.startsWith(`${PAGE_ORIGIN}/`),
    (route) => route.abort('blockedbyclient'),
  );
  await context.exposeBinding('__casevaultInvoke', (_source, channel: string, input: unknown) => {
    // Channel names only: inputs hold passphrases.
    if (process.env.CASEVAULT_E2E_DEBUG) console.log(`[e2e] invoke ${channel}`);
    return services.registry.invoke(channel, input);
  });
  await context.addInitScript({ content: script });

  page = context.pages()[0] ?? (await context.newPage());
  const pageErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${PAGE_ORIGIN}/`);

  return {
    page,
    context,
    services,
    vaultDir,
    hiddenCount: () => hidden,
    dialogs,
    pageErrors,
    workDir: work,
    async close() {
      await context.close().catch(() => {});
      await services.dispose().catch(() => {});
      await rm(work, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown; failureSummary?: string }>;
}

/** Runs axe-core on the current screen; returns the serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in globalThis);
  if (!loaded) await page.addScriptTag({ url: AXE_URL });
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run((globalThis as unknown as { document: unknown }).document, {
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
