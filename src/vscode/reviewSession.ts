import * as vscode from 'vscode';
import { loadReview, type Review } from '../core/review';
import { toReviewPath } from './convert';
import { ReviewWatcher } from './reviewWatcher';
import { findReviewRoot, hostFor } from './workspaceHost';

/**
 * The open review of the workspace: loads it in the background (activation must not
 * wait for a full index) and keeps it current through a file watcher. Features await
 * `ready`; it resolves to `undefined` when the workspace holds no review.
 */
export class ReviewSession implements vscode.Disposable {
  /** The loaded review, or `undefined` when there is none; rejects when loading fails. */
  readonly ready: Promise<Review | undefined>;
  private watcher: ReviewWatcher | undefined;
  private rootValue: vscode.Uri | undefined;
  private loaded: Review | undefined;
  private disposed = false;
  /** Milliseconds the first full index took (the benchmark reads it). */
  loadMs: number | undefined;

  /** @param log Where load times and failures are reported. */
  constructor(private readonly log: vscode.LogOutputChannel) {
    this.ready = this.load();
    // Features report failures themselves; this keeps the rejection from going unhandled.
    this.ready.catch((error: unknown) => this.log.error('QualSynth could not load the review:', error));
  }

  /** The review root, once found; `undefined` before that or when there is no review. */
  get root(): vscode.Uri | undefined {
    return this.rootValue;
  }

  /** Whether `uri` is the loaded review's codebook (false while loading). */
  isCodebook(uri: vscode.Uri): boolean {
    const path = this.rootValue && toReviewPath(this.rootValue, uri);
    return path !== undefined && this.loaded?.isCodebookPath(path) === true;
  }

  /** The loaded review once every file event received so far has been applied. */
  async current(): Promise<Review | undefined> {
    const review = await this.ready;
    await this.watcher?.settled();
    return review;
  }

  dispose(): void {
    this.disposed = true;
    this.watcher?.dispose();
  }

  private async load(): Promise<Review | undefined> {
    const root = await findReviewRoot();
    if (root === undefined || this.disposed) {
      this.log.info('No qualsynth.yaml or codebook.md in the workspace.');
      return undefined;
    }
    this.rootValue = root;
    const started = performance.now();
    const loading = loadReview(hostFor(root));
    // Watch before the scan ends, so no change made during it is lost.
    this.watcher = new ReviewWatcher(root, loading, (error) => this.log.error('QualSynth could not apply file changes:', error));
    const review = (this.loaded = await loading);
    this.loadMs = performance.now() - started;
    const summary = review.index.summary();
    this.log.info(`Review ${root.toString()} indexed in ${(performance.now() - started).toFixed(0)} ms (${summary.studies} studies).`);
    return review;
  }
}
