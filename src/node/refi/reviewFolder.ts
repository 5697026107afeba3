/**
 * Writes an imported review to disk (Node only): into a folder that does not exist or
 * is empty, never over existing files, never outside the folder.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { type ImportedFile, type ImportOptions, importQdpx, type ImportResult } from '../../core';

/** The target folder exists and holds files, or is not a folder. */
export class TargetFolderError extends Error {}

/** Writes files into `folder`, which must not exist yet or be empty. */
export async function writeImportedReview(folder: string, files: readonly ImportedFile[]): Promise<void> {
  const root = nodePath.resolve(folder);
  await checkTarget(root);
  for (const file of files) {
    const target = nodePath.resolve(root, ...file.path.split('/'));
    if (!target.startsWith(root + nodePath.sep)) throw new TargetFolderError(`Refusing to write ${file.path} outside ${root}.`);
    await mkdir(nodePath.dirname(target), { recursive: true });
    await writeFile(target, file.content, { flag: 'wx' });
  }
}

/** Imports a `.qdpx` file into a new review folder; returns the import's result. */
export async function importQdpxFile(file: string, folder: string, options: ImportOptions = {}): Promise<ImportResult> {
  await checkTarget(nodePath.resolve(folder));
  const result = importQdpx(await readFile(file), { fileName: nodePath.basename(file), ...options });
  await writeImportedReview(folder, result.files);
  return result;
}

async function checkTarget(root: string): Promise<void> {
  const info = await stat(root).catch(() => undefined);
  if (!info) return;
  if (!info.isDirectory()) throw new TargetFolderError(`${root} exists and is not a folder; choose a new folder for the imported review.`);
  if ((await readdir(root)).length > 0) throw new TargetFolderError(`${root} is not empty; import into a new or empty folder (nothing was overwritten).`);
}
