import * as vscode from 'vscode';
import type { FileEvent, Review } from '../core';
import { toReviewPath } from './convert';
import { Debouncer } from './debouncer';

/** How long to collect file events before applying them as one batch. */
const DEBOUNCE_MS = 100;

/**
 * Keeps a review's index in step with the files on disk. Events are batched (a save,
 * a `git checkout` or a search-and-replace fires many at once) and applied one batch
 * at a time; events that arrive while the review is still loading wait for it.
 */
export class ReviewWatcher implements vscode.Disposable {
  private readonly watcher: vscode.FileSystemWatcher;
  private readonly pending = new Map<string, FileEvent['kind']>();
  /** No longest wait: a long checkout is one batch. */
  private readonly batch = new Debouncer(() => this.flush(), DEBOUNCE_MS, Infinity);
  private applying: Promise<void> = Promise.resolve();
  private disposed = false;

  /**
   * @param root The review root.
   * @param review The review being (or already) loaded.
   * @param onError Told when a batch cannot be applied.
   */
  constructor(
    private readonly root: vscode.Uri,
    private readonly review: Promise<Review>,
    private readonly onError: (error: unknown) => void,
  ) {
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '**/*'));
    this.watcher.onDidCreate((uri) => this.record(uri, 'created'));
    this.watcher.onDidChange((uri) => this.record(uri, 'changed'));
    this.watcher.onDidDelete((uri) => this.record(uri, 'deleted'));
  }

  /** Resolves once every event received so far has been applied. */
  async settled(): Promise<void> {
    this.batch.flush();
    await this.applying;
  }

  dispose(): void {
    this.disposed = true;
    this.batch.dispose();
    this.watcher.dispose();
  }

  private record(uri: vscode.Uri, kind: FileEvent['kind']): void {
    const path = toReviewPath(this.root, uri);
    if (path === undefined) return;
    // A file created and then changed within one batch is still new to the index.
    const previous = this.pending.get(path);
    this.pending.set(path, previous === 'created' && kind === 'changed' ? 'created' : kind);
    this.batch.trigger();
  }

  private flush(): void {
    const events = [...this.pending].map(([path, kind]) => ({ kind, path }));
    this.pending.clear();
    this.applying = this.applying.then(() => this.apply(events)).catch(this.onError);
  }

  private async apply(events: FileEvent[]): Promise<void> {
    const review = await this.review;
    if (this.disposed) return;
    const relevant = events.flatMap((event) => (isReviewFile(review, event.path) ? [event] : studiesUnder(review, event)));
    if (relevant.length > 0) await review.applyFileEvents(relevant);
  }
}

function isReviewFile(review: Review, path: string): boolean {
  return review.isStudyPath(path) || review.isMemoPath(path) || review.isMemoFolderEvent(path) || review.isCodebookPath(path) || review.isConfigPath(path);
}

/** A deleted folder is reported alone, not file by file: delete the studies and memos it held. */
function studiesUnder(review: Review, event: FileEvent): FileEvent[] {
  if (event.kind !== 'deleted') return [];
  const prefix = `${event.path}/`;
  return [...review.index.studies(), ...review.index.memos()]
    .filter((file) => file.path.startsWith(prefix))
    .map((file) => ({ kind: 'deleted', path: file.path }));
}
