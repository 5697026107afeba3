/** Path helpers the safe reads and writes share. */
import type { Stats } from 'node:fs';
import * as nodePath from 'node:path';
import { asyncFileOps, type FileOps } from './fileOps';

/** The path segments of `target` below `root`, or `undefined` when it is not strictly below it. */
export function relativeInside(root: string, target: string): string[] | undefined {
  const relative = nodePath.relative(root, target);
  if (relative === '' || relative === '..' || relative.startsWith(`..${nodePath.sep}`) || nodePath.isAbsolute(relative)) return undefined;
  return relative.split(nodePath.sep);
}

/** The entry itself (links not followed), or `undefined` when nothing is there. */
export function lstatOrUndefined(path: string, ops: Pick<FileOps, 'lstat'> = asyncFileOps): Promise<Stats | undefined> {
  return ops.lstat(path).catch((error: { code?: string }) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  });
}
