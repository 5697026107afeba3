// Headless Chromium (Debian's package) driven by playwright-core: playwright cannot
// download its own browser builds here, and needs none.
import { chromium } from 'playwright-core';

/** Debian's Chromium; `CHROMIUM_PATH` overrides it. */
const EXECUTABLE = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Launches the browser. No `--user-data-dir`: playwright gives each launch a fresh
 * temporary profile. `handleSIGTERM: false`: the runner closes it in its own cleanup.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launchBrowser() {
  return chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    handleSIGTERM: false,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
    ],
  });
}
