/**
 * The one way the CLI and the extension write files on disk. A write lands inside the
 * review folder, or at the user's explicit `--out`; never through a symbolic link (a
 * cloned review could aim `reports/synthesis.md` at any file of the user's); never over
 * an input of the review unless the caller means to edit it; and atomically (a
 * temporary file beside the target, then a rename), so an interrupted report never
 * leaves a half-written file. Every file is checked before the first is written.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { chmod, link, lstat, mkdir, readlink, realpath, rename, rm, writeFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { outputRefusal, type Review } from '../../core';
import { describeFsError, UnsafeFileError } from './fileError';
import { lstatOrUndefined, relativeInside } from './fsPaths';

/** One file to write: its absolute (or working-folder-relative) path and content. */
export interface OutputFile {
  readonly target: string;
  readonly content: string | Uint8Array;
}

/** How a batch of files is written. */
export interface WriteOptions {
  /** `refuse` (default): generated files, never an input; `replace`: edits of studies or the codebook. */
  readonly inputs?: 'refuse' | 'replace';
  /** Never replace an existing file (new studies). */
  readonly createOnly?: boolean;
  /** How a path is shown in messages (default: relative to the working folder). */
  readonly show?: (absolute: string) => string;
}

/** A checked target: where it goes, which folders must be made, the mode to keep. */
interface Plan {
  readonly target: string;
  readonly content: string | Uint8Array;
  readonly folders: readonly string[];
  readonly mode?: number;
}

/** Checks every file, then writes them; throws `UnsafeFileError` before writing anything refused. */
export async function writeReviewFiles(review: Review, root: string, files: readonly OutputFile[], options: WriteOptions = {}): Promise<void> {
  const show = options.show ?? shownFromCwd;
  const plans: Plan[] = [];
  for (const file of files) {
    const target = nodePath.resolve(file.target);
    try {
      plans.push({ ...(await planTarget(review, nodePath.resolve(root), target, options, show)), content: file.content });
    } catch (error) {
      throw describeFsError(error, 'write', show(target));
    }
  }
  for (const plan of plans) {
    try {
      await makeFolders(plan.folders, show);
      await writeAtomically(plan, options.createOnly === true);
    } catch (error) {
      throw describeFsError(error, 'write', show(plan.target));
    }
  }
}

/** The target checked against the rules; folders to create listed. */
async function planTarget(review: Review, root: string, target: string, options: WriteOptions, show: (path: string) => string): Promise<Omit<Plan, 'content'>> {
  const inside = relativeInside(root, target);
  if (inside !== undefined) return planInside(review, root, inside, options, show);
  // An explicit --out outside the review: links in the user's own path are the user's
  // choice, but where it really leads must not be an input of the review.
  const { real, missing } = await realAncestor(nodePath.dirname(target));
  const realTarget = nodePath.join(real, ...missing, nodePath.basename(target));
  const realInside = relativeInside(await realpath(root), realTarget);
  if (realInside !== undefined) return planInside(review, await realpath(root), realInside, options, show);
  const existing = missing.length > 0 ? undefined : await lstatOrUndefined(realTarget);
  checkFinal(existing, target, show);
  if (options.createOnly && existing) throw new UnsafeFileError(show(target), `${show(target)} already exists; nothing was overwritten.`);
  const folders = missing.map((_, index) => nodePath.join(real, ...missing.slice(0, index + 1)));
  return { target: realTarget, folders, mode: existing?.mode };
}

/** A target below the root: no link on the way, not an input unless replacing inputs is meant. */
async function planInside(review: Review, root: string, parts: readonly string[], options: WriteOptions, show: (path: string) => string): Promise<Omit<Plan, 'content'>> {
  const target = nodePath.join(root, ...parts);
  const folders: string[] = [];
  for (let depth = 1; depth < parts.length; depth++) {
    const folder = nodePath.join(root, ...parts.slice(0, depth));
    const info = folders.length > 0 ? undefined : await lstatOrUndefined(folder);
    if (info === undefined) folders.push(folder);
    else if (info.isSymbolicLink()) throw await linkRefusal(folder, show);
    else if (!info.isDirectory()) throw new UnsafeFileError(show(folder), `cannot write ${show(target)}: ${show(folder)} is a file, not a folder. Rename it, or choose another output folder.`);
  }
  const existing = folders.length > 0 ? undefined : await lstatOrUndefined(target);
  checkFinal(existing, target, show);
  if (options.inputs !== 'replace') {
    const refusal = outputRefusal(review, parts.join('/'), show(target));
    if (refusal) throw new UnsafeFileError(show(target), refusal);
  }
  if (options.createOnly && existing) throw new UnsafeFileError(show(target), `${show(target)} already exists; nothing was overwritten.`);
  return { target, folders, mode: existing?.mode };
}

/** The target itself: absent, or a regular file; never a link, a folder or a device. */
function checkFinal(existing: Stats | undefined, target: string, show: (path: string) => string): void {
  if (existing === undefined || existing.isFile()) return;
  if (existing.isSymbolicLink()) throw new UnsafeFileError(show(target), `${show(target)} is a symbolic link: QualSynth never writes through links, so a review cannot aim its output at another file. Delete the link, or choose another output.`);
  const kind = existing.isDirectory() ? 'a folder' : 'a special file (device, FIFO or socket)';
  throw new UnsafeFileError(show(target), `cannot write ${show(target)}: it is ${kind}, not a file. Move it away, or choose another output.`);
}

async function linkRefusal(link: string, show: (path: string) => string): Promise<UnsafeFileError> {
  const to = await readlink(link).catch(() => '?');
  return new UnsafeFileError(show(link), `${show(link)} is a symbolic link (to ${to}): QualSynth never writes through links, so a cloned review cannot send its output elsewhere. Replace the link with a folder, or choose another output.`);
}

/** Makes folders one level at a time; one that appears meanwhile must be a real folder. */
async function makeFolders(folders: readonly string[], show: (path: string) => string): Promise<void> {
  for (const folder of folders) {
    try {
      await mkdir(folder);
    } catch (error) {
      if ((error as { code?: string }).code !== 'EEXIST') throw error;
      const info = await lstat(folder);
      if (info.isSymbolicLink()) throw await linkRefusal(folder, show);
      if (!info.isDirectory()) throw new UnsafeFileError(show(folder), `${show(folder)} is a file, not a folder.`);
    }
  }
}

/** A temporary file beside the target, then a rename (or a hard link: create-only). */
async function writeAtomically(plan: Plan, createOnly: boolean): Promise<void> {
  const temp = nodePath.join(nodePath.dirname(plan.target), `.${nodePath.basename(plan.target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, plan.content, { flag: 'wx' });
    if (plan.mode !== undefined) await chmod(temp, plan.mode & 0o7777);
    if (createOnly) await link(temp, plan.target);
    else await rename(temp, plan.target);
  } finally {
    await rm(temp, { force: true });
  }
}

/** The real path of the deepest existing ancestor of `folder`, and the names below it still missing. */
async function realAncestor(folder: string): Promise<{ real: string; missing: string[] }> {
  const missing: string[] = [];
  let current = folder;
  for (;;) {
    try {
      return { real: await realpath(current), missing };
    } catch (error) {
      const parent = nodePath.dirname(current);
      if ((error as { code?: string }).code !== 'ENOENT' || parent === current) throw error;
      missing.unshift(nodePath.basename(current));
      current = parent;
    }
  }
}

function shownFromCwd(absolute: string): string {
  return nodePath.relative(process.cwd(), absolute) || absolute;
}
