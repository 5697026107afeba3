/**
 * The one way a review's files are read from disk: regular files only, inside the
 * review after resolving links, never through a linked folder, at most
 * `MAX_FILE_BYTES`. The file is opened without following a final link and without
 * blocking (a FIFO would otherwise wait forever for a writer), and its type and size
 * are taken from the open descriptor before a byte is read, so `/dev/zero` or a FIFO
 * is refused at once. Refusals are `RefusedFileError`s the review turns into located
 * problems; a missing file is `undefined`.
 */
import { constants, type Stats } from 'node:fs';
import * as nodePath from 'node:path';
import { MAX_FILE_BYTES, RefusedFileError, tooLargeError } from '../../core';
import { asyncFileOps, type FileOps } from './fileOps';
import { lstatOrUndefined, relativeInside } from './fsPaths';

/** `O_NOFOLLOW` where the platform has it (not on Windows: there links are checked with lstat first). */
const NO_FOLLOW: number | undefined = constants.O_NOFOLLOW;
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * Reads the review-relative `path` below `root` (whose real path `realRoot` gives),
 * making its file-system calls with `ops` (see fileOps.ts).
 */
export async function readReviewFile(root: string, realRoot: () => Promise<string>, path: string, ops: FileOps = asyncFileOps): Promise<Uint8Array | undefined> {
  const parts = path.split('/');
  for (let depth = 1; depth < parts.length; depth++) {
    const folder = parts.slice(0, depth).join('/');
    const info = await lstatOrUndefined(nodePath.join(root, ...parts.slice(0, depth)), ops);
    if (info === undefined || !(info.isDirectory() || info.isSymbolicLink())) return undefined;
    if (info.isSymbolicLink()) throw new RefusedFileError(`is inside ${folder}, a symbolic link to a folder: folder links are not followed. Replace the link with the folder itself`);
  }
  const absolute = nodePath.join(root, ...parts);
  if (NO_FOLLOW === undefined) {
    const info = await lstatOrUndefined(absolute, ops);
    if (info === undefined) return undefined;
    if (info.isSymbolicLink()) return readLinked(ops, absolute, realRoot);
    return readOpened(ops, absolute, READ_FLAGS);
  }
  try {
    return await readOpened(ops, absolute, READ_FLAGS | NO_FOLLOW);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ELOOP' || code === 'EMLINK') return readLinked(ops, absolute, realRoot);
    throw error;
  }
}

/** A file link: read only when it leads to a file inside the review. */
async function readLinked(ops: FileOps, absolute: string, realRoot: () => Promise<string>): Promise<Uint8Array | undefined> {
  const real = await ops.realpath(absolute).catch(() => undefined);
  if (real === undefined) return undefined;
  if (relativeInside(await realRoot(), real) === undefined) {
    const to = await ops.readlink(absolute).catch(() => '?');
    throw new RefusedFileError(`is a symbolic link to ${to}, outside the review: only files inside the review are read. Replace the link with a copy of the file`);
  }
  return readOpened(ops, real, READ_FLAGS);
}

/** Opens, checks type and size on the descriptor, then reads the whole file. */
async function readOpened(ops: FileOps, file: string, flags: number): Promise<Uint8Array | undefined> {
  let descriptor: number;
  try {
    descriptor = await ops.open(file, flags);
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const info = await ops.fstat(descriptor);
    checkReadable(info);
    return await readAll(ops, descriptor, info.size);
  } finally {
    await ops.close(descriptor);
  }
}

/** Only regular files within the size limit. */
function checkReadable(info: Stats): void {
  if (!info.isFile()) {
    const kind = info.isDirectory() ? 'a folder' : info.isFIFO() ? 'a FIFO (named pipe)' : info.isCharacterDevice() || info.isBlockDevice() ? 'a device' : 'a special file';
    throw new RefusedFileError(`is ${kind}, not a regular file: only regular files are read`);
  }
  if (info.size > MAX_FILE_BYTES) throw tooLargeError(info.size);
}

/**
 * Reads `size` bytes, and a little more in case the file grew, never past the limit.
 * A read that asked for more than the file's stated size and got exactly that size has
 * met the end: no second read to hear it (one system call fewer per file).
 */
async function readAll(ops: FileOps, descriptor: number, size: number): Promise<Uint8Array> {
  let buffer = Buffer.allocUnsafe(Math.max(size, 0) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (buffer.length > MAX_FILE_BYTES) throw tooLargeError(length);
      const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, MAX_FILE_BYTES + 1));
      buffer.copy(grown, 0, 0, length);
      buffer = grown;
    }
    const bytesRead = await ops.read(descriptor, buffer, length, buffer.length - length);
    length += bytesRead;
    if (bytesRead === 0 || (length === size && length < buffer.length)) return buffer.subarray(0, length);
  }
}

