import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium: the browser checks run only where it is installed (`apt-get install chromium`). */
export const chromiumPath = '/usr/bin/chromium';
export const hasChromium = existsSync(chromiumPath);

// No network of its own: no component updates, no sync, no QUIC probes; a
// fresh profile so that nothing from an earlier run is cached.
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's Chromium, headless, with a fresh profile that is removed on `close()`. */
export async function openChromium({ javaScriptEnabled = true } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'sitesize-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args,
    javaScriptEnabled,
    viewport: { width: 1100, height: 900 },
    timeout: 60_000,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** What a loaded page did that a self-contained report must not: console errors, script errors, requests, dialogs. */
export interface PageTrouble {
  errors: string[];
  requests: string[];
  dialogs: string[];
}

/** Opens `fileUrl` in a new page and records everything on `PageTrouble` from then on. */
export async function openReport(context: BrowserContext, fileUrl: string): Promise<{ page: Page; trouble: PageTrouble }> {
  const trouble: PageTrouble = { errors: [], requests: [], dialogs: [] };
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') trouble.errors.push(message.text());
  });
  page.on('pageerror', (error) => trouble.errors.push(error.message));
  page.on('request', (request) => {
    if (request.url() !== fileUrl) trouble.requests.push(request.url());
  });
  page.on('dialog', (dialog) => {
    trouble.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(fileUrl, { waitUntil: 'load' });
  return { page, trouble };
}
