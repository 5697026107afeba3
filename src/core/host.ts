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
