/**
 * A file the safe file layer refuses to read or write, with a message that names the
 * file, says what is wrong and how to fix it. The CLI turns it into exit code 2, the
 * extension into an error message; it is never a crash.
 */
export class UnsafeFileError extends Error {
  /** @param path The path as the user knows it (relative to the working folder or the review). */
  constructor(readonly path: string, message: string) {
    super(message);
  }
}

/** What an operating-system error code means for a file, in words a user can act on. */
const REASONS: Record<string, string> = {
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'it is a folder, not a file',
  EEXIST: 'a file of that name is in the way',
  ENAMETOOLONG: 'the name is too long for the file system',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  ELOOP: 'it is a symbolic link (or too many of them)',
  ENOENT: 'it does not exist',
  EBUSY: 'it is busy',
  EMFILE: 'too many files are open',
  ERR_INVALID_ARG_VALUE: 'the name contains a NUL character',
  ERR_INVALID_ARG_TYPE: 'the name contains a NUL character',
};

/** An fs failure as an `UnsafeFileError` ("cannot write x: the disk is full"); other errors unchanged. */
export function describeFsError(error: unknown, verb: 'read' | 'write', shown: string): Error {
  if (error instanceof UnsafeFileError) return error;
  const code = (error as { code?: string }).code;
  const reason = code !== undefined ? REASONS[code] : undefined;
  if (reason === undefined) return error as Error;
  return new UnsafeFileError(shown, `cannot ${verb} ${shown}: ${reason}.`);
}
