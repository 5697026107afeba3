/**
 * The `ReviewHost` over Node's file system, for the CLI and the tests. Directory
 * symlinks are not followed, so a symlink loop cannot hang a scan.
 */
import { readFile, readdir } from 'node:fs/promises';
import * as nodePath from 'node:path';
import picomatch from 'picomatch';
import type { ReviewHost } from './host';
import { compareText } from './reviewIndex';

/** A host rooted at a folder on disk. */
export class NodeReviewHost implements ReviewHost {
  readonly root: string;

  constructor(root: string) {
    this.root = nodePath.resolve(root);
  }

  async findFiles(glob: string): Promise<string[]> {
    const { base } = picomatch.scan(glob);
    const matches = picomatch(glob, { dot: false });
    let entries: string[];
    try {
      entries = await readdir(nodePath.join(this.root, base), { recursive: true });
    } catch {
      return [];
    }
    const prefix = base ? `${base}/` : '';
    return entries
      .map((entry) => prefix + entry.split(nodePath.sep).join('/'))
      .filter((path) => matches(path))
      .sort(compareText);
  }

  async readFile(path: string): Promise<Uint8Array | undefined> {
    try {
      return await readFile(this.absolute(path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** The absolute path of a review-relative path. */
  absolute(path: string): string {
    return nodePath.join(this.root, ...path.split('/'));
  }
}
