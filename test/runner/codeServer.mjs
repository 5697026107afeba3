// Starts the VS Code server that ships inside the npm package `code-server`, with
// every data folder in a throw-away directory, and stops it with its whole process
// group (the extension hosts it forks would otherwise outlive it).
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { SERVER_MAIN } from './paths.mjs';

const READY = /Extension host agent listening on (\d+)/;
const START_TIMEOUT_MS = 60_000;

/**
 * @typedef {object} RunningServer
 * @property {number} port
 * @property {string} origin `http://127.0.0.1:<port>`
 * @property {Promise<number | null>} exited Resolves with the exit code when the server ends.
 * @property {() => Promise<void>} stop Kills the server's process group; idempotent.
 */

/**
 * Starts the server on a free loopback port; resolves once it accepts connections.
 * @param {{ dataDir: string, logFile: string, install?: string[], userSettings?: object }} options `dataDir`
 *   receives every user, server and extension folder; the server's output goes to
 *   `logFile`; `install` lists .vsix files to install into its extensions folder first;
 *   `userSettings` become the user's settings.json.
 * @returns {Promise<RunningServer>}
 */
export async function startServer({ dataDir, logFile, install = [], userSettings }) {
  const port = await freePort();
  const dirs = Object.fromEntries(['user-data', 'server-data', 'extensions', 'config', 'cache'].map((name) => [name, join(dataDir, name)]));
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  if (userSettings) {
    mkdirSync(join(dirs['user-data'], 'User'), { recursive: true });
    writeFileSync(join(dirs['user-data'], 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  }
  const args = [
    SERVER_MAIN, '--host', '127.0.0.1', '--port', String(port),
    '--without-connection-token', '--accept-server-license-terms', '--enable-smoke-test-driver',
    '--disable-telemetry',
    // Restricted-mode runs leave Workspace Trust on: nobody answers the trust prompt, so
    // the folder stays untrusted for the whole run.
    ...(process.env.QUALSYNTH_RESTRICTED_MODE ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', dirs['user-data'], '--server-data-dir', dirs['server-data'], '--extensions-dir', dirs.extensions,
  ];
  // No extension gallery: tests install nothing from it, and the network is not to be relied on.
  const env = { ...process.env, XDG_CONFIG_HOME: dirs.config, XDG_CACHE_HOME: dirs.cache, EXTENSIONS_GALLERY: '{}' };
  for (const vsix of install) installVsix(vsix, dirs, env);
  // A process group of its own, so that stop() reaches the extension hosts too.
  const child = spawn(process.execPath, args, { cwd: dataDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(logFile);
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await killGroup(child.pid, exited);
    log.end();
  };
  try {
    await waitForReady(child, exited);
  } catch (error) {
    await stop();
    throw new Error(`${error.message} (server log: ${logFile})`);
  }
  return { port, origin: `http://127.0.0.1:${port}`, exited, stop };
}

/** Installs a .vsix with the server's own CLI, as `code --install-extension` would. */
function installVsix(vsix, dirs, env) {
  const args = [
    SERVER_MAIN, '--install-extension', vsix, '--accept-server-license-terms',
    '--user-data-dir', dirs['user-data'], '--server-data-dir', dirs['server-data'], '--extensions-dir', dirs.extensions,
  ];
  const result = spawnSync(process.execPath, args, { env, encoding: 'utf8', timeout: 60_000 });
  if (result.status !== 0) throw new Error(`installing ${vsix} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
}

function waitForReady(child, exited) {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`VS Code server not ready after ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (READY.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`VS Code server exited with ${code} before it was ready`));
    });
  });
}

/** SIGTERM to the group, SIGKILL to whatever is left after a grace period. */
async function killGroup(pid, exited) {
  signalGroup(pid, 'SIGTERM');
  const graceful = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
  // Extension hosts may ignore SIGTERM or outlive the server: the group goes anyway.
  signalGroup(pid, 'SIGKILL');
  if (!graceful) await Promise.race([exited, delay(2_000)]);
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if (error.code !== 'ESRCH') throw error;
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
