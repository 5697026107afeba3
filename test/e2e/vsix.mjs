// The packaged extension: builds qualsynth.vsix with `npm run package` and checks what
// is inside it, before the browser run installs it into the VS Code server.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { REPO_ROOT } from '../runner/paths.mjs';
import { expect } from './expect.mjs';

/** Where `npm run package` writes the package. */
export const VSIX = join(REPO_ROOT, 'qualsynth.vsix');
/** The Marketplace takes larger packages, but ours has no reason to be near this. */
const MAX_BYTES = 3 * 1024 * 1024;

/**
 * @typedef {object} Package
 * @property {string} path
 * @property {number} bytes
 * @property {string[]} entries File names inside the .vsix (a zip).
 */

/**
 * Runs `npm run package` (a production build, then vsce). That build replaces the
 * development bundle in dist/; when dist/ held one (with source maps), it is rebuilt.
 * @returns {Package}
 */
export function packageVsix() {
  const hadDevBuild = existsSync(join(REPO_ROOT, 'dist/extension.js.map'));
  run('npm', ['run', 'package']);
  if (hadDevBuild) run(process.execPath, ['esbuild.mjs']);
  const entries = [];
  unzipSync(readFileSync(VSIX), {
    filter: (file) => {
      entries.push(file.name);
      return false;
    },
  });
  return { path: VSIX, bytes: statSync(VSIX).size, entries };
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
}

/**
 * Checks of the package file itself; each returns a line for the log.
 * @type {Array<{ name: string, run: (pkg: Package) => string }>}
 */
export const PACKAGE_CHECKS = [
  {
    name: `npm run package builds a .vsix under ${MAX_BYTES / 1024 / 1024} MB`,
    run(pkg) {
      expect(pkg.bytes < MAX_BYTES, `${pkg.path} is ${pkg.bytes} bytes`);
      return `${(pkg.bytes / 1024).toFixed(0)} KB, ${pkg.entries.length} entries`;
    },
  },
  {
    name: 'the .vsix holds the bundles, the manifest with its strings and every walkthrough page, and no sources',
    run(pkg) {
      const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
      const pages = manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps.map((step) => step.media.markdown));
      const required = ['package.json', 'package.nls.json', 'dist/extension.js', 'dist/web/extension.js', 'dist/manuscript.js', manifest.icon, 'syntaxes/qualsynth.injection.json', ...pages];
      const missing = required.filter((file) => !pkg.entries.includes(`extension/${file.replace(/^\.\//, '')}`));
      expect(missing.length === 0, `missing from the .vsix: ${missing.join(', ')}`);
      // One engines chunk serves every host: a second (dist/web/manuscript.js) is 290 KB of waste.
      const unwanted = pkg.entries.filter((entry) => /^extension\/(src|test|examples|node_modules|media\/screenshots)\/|^extension\/dist\/web\/manuscript\.js$|\.map$|\.ts$/.test(entry));
      expect(unwanted.length === 0, `in the .vsix but not needed: ${unwanted.join(', ')}`);
      return `${pages.length} walkthrough pages, package.nls.json, dist/extension.js, dist/web/extension.js, one dist/manuscript.js`;
    },
  },
];
