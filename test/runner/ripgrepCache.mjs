// @vscode/ripgrep's postinstall downloads ripgrep from GitHub, which is out of reach on
// CI machines. It first looks for the release archive in a cache folder under the OS
// temp dir; we put one there made from the system's `rg` (Debian package `ripgrep`).
// The archive must hold `rg` at its top level: the postinstall runs `tar xvf` into bin/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Version of @vscode/ripgrep that code-server 4.100.3's VS Code pins. */
const PACKAGE_VERSION = '1.15.11';
/** The ripgrep release that package version downloads for x64 Linux. */
const ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/** Returns the path of the cached archive, creating it from the system `rg` if absent. */
export function ensureRipgrepCache() {
  const cacheDir = join(tmpdir(), `vscode-ripgrep-cache-${PACKAGE_VERSION}`);
  const archive = join(cacheDir, ASSET);
  if (existsSync(archive)) return archive;
  const rg = findSystemRipgrep();
  mkdirSync(cacheDir, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'qualsynth-rg-'));
  try {
    copyFileSync(rg, join(staging, 'rg'));
    execFileSync('chmod', ['755', join(staging, 'rg')]);
    execFileSync('tar', ['czf', archive, '-C', staging, 'rg']);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  console.log(`ripgrep cache: ${archive} (from ${rg})`);
  return archive;
}

function findSystemRipgrep() {
  try {
    return execFileSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('ripgrep (rg) not found: install the Debian package `ripgrep` (apt-get install -y ripgrep)');
  }
}
