// Tests write into their workspace, so the runners open a throw-away copy of a review,
// never the folder in the repository.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, sep } from 'node:path';

/**
 * Makes a temp folder for one run.
 * @param {string} label Part of the folder's name, for whoever finds it lying around.
 */
export function makeRunDir(label) {
  return mkdtempSync(join(tmpdir(), `qualsynth-${label}-`));
}

/**
 * Copies a review (without generated `reports/`) into `runDir` and returns the copy's path.
 * @param {string} source Absolute path of the review folder.
 * @param {string} runDir Folder of this run, from `makeRunDir`.
 */
export function copyWorkspace(source, runDir) {
  const target = join(runDir, 'workspace', basename(source));
  cpSync(source, target, {
    recursive: true,
    filter: (path) => relative(source, path).split(sep)[0] !== 'reports',
  });
  return target;
}
