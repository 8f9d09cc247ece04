/**
 * What every browser test needs: a real workspace in a temp folder (optionally with a JSONL
 * history imported), `startServer` over it on a free loopback port, and headless Chromium
 * (Debian's, driven by playwright-core) on one page that records script errors, CSP
 * violations and dialogs, so each test can assert the page stayed clean.
 *
 * @example
 *   const session = await openSession({ history: 'demo/bakery.jsonl', at: DEMO_AT });
 *   await session.page.goto(session.url('#/today'));
 *   ...
 *   await session.close();
 */
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { importPath } from '../../src/ingest/import-path.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import { Store } from '../../src/store/store.js';
import type { HistoryBuilder } from '../../src/test-support/history-builder.js';
import { createTestLocation, type TestLocation } from '../../src/test-support/test-store.js';

export const DEMO_HISTORY = 'demo/bakery.jsonl';
/** The demo's last day, late afternoon: its agenda is full. */
export const DEMO_AT = '2026-11-20T18:00:00Z';
export const SCREENSHOTS = '.artifacts/screenshots';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_ROOT = 'dist/web';

export interface BrowserSession {
  readonly store: Store;
  readonly location: TestLocation;
  readonly page: Page;
  /** An address on the server: url('#/people/3'), url('?token=…#/import'). */
  url(hash?: string): string;
  /** Uncaught page errors and console errors (CSP violations show up here). */
  readonly problems: string[];
  /** Messages of every alert/confirm/prompt the page opened. */
  readonly dialogs: string[];
  /** A full-page screenshot in .artifacts/screenshots/<name>.png. */
  screenshot(name: string): Promise<void>;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** A JSONL file to import first, or a story written for the test. */
  readonly history?: string | HistoryBuilder;
  /** The server's "now". */
  readonly at?: string;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** The server's upload limit, to test what a too-large file shows. */
  readonly maxUploadBytes?: number;
  /** Start the server with a token: every API call then needs it. */
  readonly token?: string;
}

export async function openSession(options: SessionOptions = {}): Promise<BrowserSession> {
  await ensureWebBuild();
  const location = await createTestLocation();
  const store = await Store.open(location.options);
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  try {
    const { history } = options;
    if (history) await importPath(store, typeof history === 'string' ? history : history.writeTo(location.dir));
    // A copy of the pages of its own: a `npm run build` elsewhere in the checkout empties
    // dist/web while it works, which would pull the pages from under a running test.
    const webRoot = resolve(location.dir, 'web');
    cpSync(WEB_ROOT, webRoot, { recursive: true });
    server = await startServer({
      store,
      at: options.at,
      webRoot,
      ...(options.maxUploadBytes === undefined ? {} : { maxUploadBytes: options.maxUploadBytes }),
      ...(options.token === undefined ? {} : { token: options.token }),
    });
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    // A fixed locale and zone: dates on the pages read the same on every machine.
    const context = await browser.newContext({
      viewport: { ...(options.viewport ?? { width: 1280, height: 900 }) },
      locale: 'en-US',
      timezoneId: 'UTC',
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const page = await context.newPage();
    const problems: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      // An HTTP error status is logged too; the tests that provoke one check what the page shows.
      if (message.type() === 'error' && !/^Failed to load resource: the server responded with a status of/.test(message.text())) {
        problems.push(`console: ${message.text()}`);
      }
    });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const base = server.url;
    const running = { server, browser };
    mkdirSync(SCREENSHOTS, { recursive: true });
    return {
      store,
      location,
      page,
      problems,
      dialogs,
      url: (hash = '') => `${base}/${hash}`,
      screenshot: async (name) => {
        await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      },
      close: async () => {
        await running.browser.close();
        await running.server.close();
        await store.close();
        await location.cleanup();
      },
    };
  } catch (error) {
    await browser?.close();
    await server?.close();
    await store.close();
    await location.cleanup();
    throw error;
  }
}

/**
 * Builds the pages when dist/web is missing or older than a file under web/. Test files run in
 * parallel, so one builds while the others wait on a lock folder (mkdir is atomic).
 */
async function ensureWebBuild(): Promise<void> {
  if (isBuildFresh()) return;
  const lock = '.artifacts/web-build.lock';
  mkdirSync('.artifacts', { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Someone else is building; a lock older than two minutes belongs to a run that died.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Waited too long for ${lock}: remove it if no test run is building the pages`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      if (isBuildFresh()) return;
    }
  }
  try {
    if (isBuildFresh()) return;
    const { build } = await import('vite');
    await build({ configFile: 'web/vite.config.ts', logLevel: 'warn' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function isBuildFresh(): boolean {
  const built = join(WEB_ROOT, 'index.html');
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  return newestIn('web') <= builtAt;
}

function newestIn(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestIn(path) : stat.mtimeMs);
  }
  return newest;
}

/** Polls `check` until it holds (the page updates after a request); fails with `what` after `ms`. */
export async function eventually(what: string, check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
