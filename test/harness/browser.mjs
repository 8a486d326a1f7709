// Launches Debian's Chromium through playwright-core (no browser download: playwright-core ships none).
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { ensureCodeServerConfig, isolatedStateEnv } from './install.mjs';
import { CHROMIUM_BIN } from './paths.mjs';

/** Flags that keep Chromium quiet and offline-friendly in a headless container (see e2e.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Returns { browser, context, page } with a fixed 1400x900 viewport. */
export async function launchBrowser({ headless = true, viewport = { width: 1400, height: 900 } } = {}) {
  if (!fs.existsSync(CHROMIUM_BIN)) {
    throw new Error(`${CHROMIUM_BIN} not found: install it with 'apt-get install -y chromium' (as root)`);
  }
  ensureCodeServerConfig(); // also creates the folders of isolatedStateEnv()
  // Chromium keeps crash reports and a dconf cache under XDG folders: keep them out of the home folder.
  const browser = await chromium.launch({
    executablePath: CHROMIUM_BIN, headless, args: CHROMIUM_ARGS, env: { ...process.env, ...isolatedStateEnv() },
  });
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return { browser, context, page };
}
