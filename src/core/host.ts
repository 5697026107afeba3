/**
 * How the core reaches a review's files. The CLI and the unit tests implement it over
 * Node's `fs` (`src/node/nodeHost.ts`), the extension over `vscode.workspace.fs`. Paths are
 * relative to the review root and use `/`.
 */
export interface ReviewHost {
  /** Review-relative paths of the files matching a glob (picomatch syntax), sorted. */
  findFiles(glob: string): Promise<string[]>;
  /** The bytes of a file, or `undefined` when it does not exist. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** True when the file system folds case (macOS, Windows), known once `findFiles` ran. */
  readonly foldsCase?: boolean;
  /** The folder links the last `findFiles` did not follow, when the host has links. */
  skippedFolders?(): readonly SkippedFolder[];
  /**
   * A file's modification time and size, or `undefined` when it does not exist: far
   * cheaper than reading it, so a kept copy of its text can be checked against the file.
   */
  stat?(path: string): Promise<FileStamp | undefined>;
}

/** What tells a changed file from an unchanged one without reading it. */
export interface FileStamp {
  /** Modification time in milliseconds since 1970. */
  readonly mtime: number;
  readonly size: number;
}

/** A file-system event, with a review-relative path. */
export interface FileEvent {
  readonly kind: 'created' | 'changed' | 'deleted';
  readonly path: string;
}

/** Something that can be disposed; the core's only resource type. */
export interface Disposable {
  dispose(): void;
}

/**
 * The most bytes any one file of a review may have (64 MiB): a study, the codebook, the
 * project file, a bibliography. Larger files are refused with a located problem, so a
 * hostile or mistaken file cannot exhaust memory (the longest string V8 allows is
 * 512 MiB; a 10 MB transcript is already very long).
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * A file a host refuses to read: a special file, a link leading outside the review or
 * through a linked folder, a file over `MAX_FILE_BYTES`. `reason` completes a sentence
 * that starts with the file's path.
 */
export class RefusedFileError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** The refusal of a file of `size` bytes, over `MAX_FILE_BYTES`. */
export function tooLargeError(size: number): RefusedFileError {
  return new RefusedFileError(`is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB (${size} bytes), the most one file of a review may have: split it, or move it out of the review`);
}

/** A folder link a host's `findFiles` met and did not follow. */
export interface SkippedFolder {
  readonly path: string;
  readonly reason: string;
}
