/**
 * The file-system calls the safe reads make, as promises, in two kinds: through libuv's
 * thread pool (`asyncFileOps`, for the extension host, whose event loop must keep
 * turning), or made at once on the calling thread (`syncFileOps`, for the CLI, which has
 * nothing else to do meanwhile). Reading the 1,000-study benchmark takes five calls per
 * file; each round trip through the pool cost the CLI's main thread ~20-35 µs, a
 * synchronous call from the page cache a few.
 */
import { close, closeSync, fstat, fstatSync, lstat, lstatSync, open, openSync, read, readlink, readlinkSync, readSync, realpath, realpathSync, type Stats } from 'node:fs';
import { promisify } from 'node:util';

/** The calls, each settled as a promise. */
export interface FileOps {
  lstat(path: string): Promise<Stats>;
  open(path: string, flags: number): Promise<number>;
  fstat(descriptor: number): Promise<Stats>;
  /** Reads into `buffer` at `offset`, from the descriptor's current position; the number of bytes read. */
  read(descriptor: number, buffer: Buffer, offset: number, length: number): Promise<number>;
  close(descriptor: number): Promise<void>;
  realpath(path: string): Promise<string>;
  readlink(path: string): Promise<string>;
}

const readInto = promisify(read);

export const asyncFileOps: FileOps = {
  lstat: promisify(lstat),
  open: promisify(open),
  fstat: promisify(fstat),
  read: async (descriptor, buffer, offset, length) => (await readInto(descriptor, buffer, offset, length, null)).bytesRead,
  close: promisify(close),
  realpath: promisify(realpath),
  readlink: promisify(readlink),
};

/** A synchronous call's value or error as a settled promise. */
function settled<T>(call: () => T): Promise<T> {
  try {
    return Promise.resolve(call());
  } catch (error) {
    return Promise.reject(error);
  }
}

export const syncFileOps: FileOps = {
  lstat: (path) => settled(() => lstatSync(path)),
  open: (path, flags) => settled(() => openSync(path, flags)),
  fstat: (descriptor) => settled(() => fstatSync(descriptor)),
  read: (descriptor, buffer, offset, length) => settled(() => readSync(descriptor, buffer, offset, length, null)),
  close: (descriptor) => settled(() => closeSync(descriptor)),
  realpath: (path) => settled(() => realpathSync(path)),
  readlink: (path) => settled(() => readlinkSync(path)),
};
