// One run against the VS Code server: a throw-away copy of a review, a fresh server
// and a headless browser, all torn down afterwards whatever happens — on success,
// failure, hang (a deadline) or Ctrl-C.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser.mjs';
import { startServer } from './codeServer.mjs';
import { RESULTS_DIR, SERVER_MAIN } from './paths.mjs';
import { copyWorkspace, makeRunDir } from './workspaceCopy.mjs';

/**
 * @typedef {object} Workbench
 * @property {import('./codeServer.mjs').RunningServer} server
 * @property {import('playwright-core').Browser} browser
 * @property {string} folder Absolute path of the workspace copy.
 * @property {string} dataDir The server's data folder (logs, output channels).
 */

/**
 * Runs `body` with a server and a browser on a copy of `source`, then cleans up.
 * Rejects when `body` does, when the server dies first, or after `timeoutMs`.
 * @template T
 * @param {{ label: string, source: string, timeoutMs: number, install?: string[], userSettings?: object }} options
 *   `install`: .vsix files the server gets installed before it starts; `userSettings`:
 *   the user's settings.json.
 * @param {(workbench: Workbench) => Promise<T>} body
 * @returns {Promise<T>}
 */
export async function withWorkbench({ label, source, timeoutMs, install, userSettings }, body) {
  if (!existsSync(SERVER_MAIN)) throw new Error('VS Code server missing: run `node test/runner/installCodeServer.mjs`');
  const runDir = makeRunDir(label);
  mkdirSync(RESULTS_DIR, { recursive: true });
  /** @type {Array<() => Promise<void> | void>} */
  const cleanups = [() => rmSync(runDir, { recursive: true, force: true })];
  const cleanup = async () => {
    for (const step of cleanups.splice(0).reverse()) await step();
  };
  const onSignal = (signal) => {
    console.error(`\n${signal}: stopping the VS Code server and the browser`);
    cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  let timer;
  try {
    const folder = copyWorkspace(source, runDir);
    const dataDir = join(runDir, 'data');
    const server = await startServer({ dataDir, logFile: join(RESULTS_DIR, `${label}-server.log`), install, userSettings });
    cleanups.push(server.stop);
    const browser = await launchBrowser();
    cleanups.push(() => browser.close());
    const deadline = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${label}: no result after ${timeoutMs / 1000} s`)), timeoutMs);
    });
    const serverDied = server.exited.then((code) => {
      throw new Error(`${label}: the VS Code server exited (${code}) during the run`);
    });
    return await Promise.race([body({ server, browser, folder, dataDir }), deadline, serverDied]);
  } finally {
    clearTimeout(timer);
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    await cleanup();
  }
}
