// Installs the npm package `code-server` into a git-ignored cache folder: it carries
// the VS Code server that the offline runners start. It is not a dependency of the
// extension, so it lives outside the project's node_modules. Skips when installed.
//
// Needs (Debian, as root): build-essential python3 pkg-config libkrb5-dev ripgrep
// (`.ci/run` installs them). Run: `node test/runner/installCodeServer.mjs [--force]`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CODE_SERVER_DIR, CODE_SERVER_VERSION, SERVER_MAIN, VSCODE_DIR } from './paths.mjs';
import { ensureRipgrepCache } from './ripgrepCache.mjs';

/** Files whose presence proves the install and its native builds completed. */
const PROOFS = [
  SERVER_MAIN,
  join(VSCODE_DIR, 'node_modules/node-pty/build/Release/pty.node'),
  join(VSCODE_DIR, 'node_modules/@vscode/ripgrep/bin/rg'),
  join(VSCODE_DIR, 'node_modules/@vscode/spdlog/build/Release/spdlog.node'),
];
const STAMP = join(CODE_SERVER_DIR, `installed-${CODE_SERVER_VERSION}`);

/**
 * Packages of VS Code allowed to run install scripts. npm 11 blocks all others, and
 * accepts the list only from a project's package.json (or .npmrc), not from the command
 * line or the environment. Left out on purpose: the Windows-only modules.
 */
const VSCODE_ALLOW_SCRIPTS = [
  '@parcel/watcher', '@vscode/deviceid', '@vscode/ripgrep', '@vscode/spdlog',
  'kerberos', 'native-watchdog', 'node-pty',
];

function installed() {
  return existsSync(STAMP) && PROOFS.every((file) => existsSync(file));
}

/** Environment for the installs. */
function installEnv() {
  return {
    ...process.env,
    // As root, code-server's postinstall refuses to run without it.
    npm_config_unsafe_perm: 'true',
    // node-pty's postinstall calls `npx node-gyp`; no prompt without stdin.
    npm_config_yes: 'true',
    // Build native modules against the installed Node headers, no header download.
    npm_config_nodedir: process.env.npm_config_nodedir ?? '/usr',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
}

function npm(args, cwd) {
  const result = spawnSync('npm', args, { cwd, env: installEnv(), stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd} (exit ${result.status})`);
}

function writeJson(file, value) {
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
}

/** Adds an `allowScripts` field to a package.json, so its nested install may build. */
function allowScripts(packageJson, names) {
  const manifest = JSON.parse(readFileSync(packageJson, 'utf8'));
  manifest.allowScripts = Object.fromEntries(names.map((name) => [name, true]));
  writeJson(packageJson, manifest);
}

/**
 * Two steps, because code-server's postinstall runs a nested `npm install` in
 * lib/vscode, whose own package.json decides which scripts may run there: first unpack
 * code-server without any install script (argon2, for password login, stays unbuilt:
 * the runners start the VS Code server directly); then allow VS Code's native modules
 * in lib/vscode and run code-server's own postinstall.
 */
function install() {
  rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  writeJson(join(CODE_SERVER_DIR, 'package.json'), {
    private: true,
    dependencies: { 'code-server': CODE_SERVER_VERSION },
  });
  ensureRipgrepCache();
  console.log(`installing code-server@${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} …`);
  npm(['install', '--omit=dev', '--no-package-lock', '--ignore-scripts'], CODE_SERVER_DIR);
  allowScripts(join(VSCODE_DIR, 'package.json'), VSCODE_ALLOW_SCRIPTS);
  npm(['run', 'postinstall'], dirname(VSCODE_DIR));
  const missing = PROOFS.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(`code-server installed but install scripts did not finish; missing:\n  ${missing.join('\n  ')}`);
  }
  writeFileSync(STAMP, new Date().toISOString() + '\n');
}

const started = Date.now();
if (!process.argv.includes('--force') && installed()) {
  console.log(`code-server@${CODE_SERVER_VERSION} already installed in ${CODE_SERVER_DIR}`);
} else {
  install();
  console.log(`code-server@${CODE_SERVER_VERSION} installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
