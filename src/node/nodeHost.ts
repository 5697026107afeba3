/**
 * The `ReviewHost` over Node's file system, for the CLI, the tests and the extension's
 * `file:` reviews. Files are read through the safe file layer (`files/safeRead.ts`).
 * Folder links are not followed (a symlink loop cannot hang a scan, a linked folder
 * cannot bring files from elsewhere); they are reported as skipped.
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import * as nodePath from 'node:path';
import picomatch from 'picomatch';
import { compareText, type FileStamp, type ReviewHost, type SkippedFolder } from '../core';
import { asyncFileOps, type FileOps, syncFileOps } from './files/fileOps';
import { readReviewFile } from './files/safeRead';

/** A host rooted at a folder on disk. */
export class NodeReviewHost implements ReviewHost {
  readonly root: string;
  private realRoot: Promise<string> | undefined;
  private skipped: SkippedFolder[] = [];
  foldsCase: boolean | undefined;
  private readonly fileOps: FileOps;

  /**
   * `syncReads`: make each read's file-system calls at once on this thread (the CLI's
   * choice: nothing else runs in its process) instead of through libuv's thread pool.
   */
  constructor(root: string, { syncReads = false } = {}) {
    this.root = nodePath.resolve(root);
    this.fileOps = syncReads ? syncFileOps : asyncFileOps;
  }

  async findFiles(glob: string): Promise<string[]> {
    const { base } = picomatch.scan(glob);
    const matches = picomatch(glob, { dot: false });
    const found: string[] = [];
    this.skipped = [];
    this.foldsCase ??= await foldsCase(this.root);
    if (await this.baseIsFolder(base)) await this.walk(base, (path) => matches(path) && found.push(path));
    return found.sort(compareText);
  }

  /** Reads one file: regular, inside the review after resolving links, within the size limit. */
  readFile(path: string): Promise<Uint8Array | undefined> {
    return readReviewFile(this.root, () => (this.realRoot ??= realpath(this.root)), path, this.fileOps);
  }

  /** The file's modification time and size (through links, as reads go), `undefined` when it is gone. */
  async stat(path: string): Promise<FileStamp | undefined> {
    try {
      const info = await stat(this.absolute(path));
      return { mtime: info.mtimeMs, size: info.size };
    } catch (error) {
      if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
      throw error;
    }
  }

  skippedFolders(): readonly SkippedFolder[] {
    return this.skipped;
  }

  /** The glob's base folder exists and no folder on the way to it is a link. */
  private async baseIsFolder(base: string): Promise<boolean> {
    const parts = base ? base.split('/') : [];
    for (let depth = 1; depth <= parts.length; depth++) {
      const path = parts.slice(0, depth).join('/');
      const info = await lstat(this.absolute(path)).catch(() => undefined);
      if (info?.isSymbolicLink()) this.skip(path);
      if (!info?.isDirectory()) return false;
    }
    return true;
  }

  /**
   * Visits every file below a review-relative folder. Links to files are visited (the
   * read decides whether they lead inside the review), links to folders are skipped;
   * FIFOs and other special files are visited, so the read refuses them by name.
   */
  private async walk(folder: string, visit: (path: string) => void): Promise<void> {
    let entries;
    try {
      entries = await readdir(this.absolute(folder), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await this.walk(path, visit);
      else if (!entry.isSymbolicLink()) visit(path);
      else if ((await stat(this.absolute(path)).catch(() => undefined))?.isDirectory()) this.skip(path);
      else visit(path);
    }
  }

  private skip(path: string): void {
    this.skipped.push({ path, reason: 'is a symbolic link to a folder: folder links are not followed, so nothing in it is indexed. Replace the link with the folder itself' });
  }

  /** The absolute path of a review-relative path. */
  absolute(path: string): string {
    return nodePath.join(this.root, ...path.split('/'));
  }
}

/**
 * Whether the file system under `root` folds case: the root's name in other case names
 * the same folder (same device and inode). A name without letters cannot tell: then no.
 */
async function foldsCase(root: string): Promise<boolean> {
  const name = nodePath.basename(root);
  const swapped = name.replace(/\p{L}/gu, (letter) => (letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase()));
  if (swapped === name) return false;
  const [own, other] = await Promise.all([stat(root), stat(nodePath.join(nodePath.dirname(root), swapped)).catch(() => undefined)]);
  return other !== undefined && other.ino === own.ino && other.dev === own.dev;
}
