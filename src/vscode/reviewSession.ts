import * as vscode from 'vscode';
import { type IndexChange, loadReview, type Memo, type Review, type ReviewHost, type Study } from '../core';
import { toReviewPath } from './convert';
import { Debouncer } from './debouncer';
import { DocumentSync } from './documentSync';
import { ReviewWatcher } from './reviewWatcher';
import { findReviewRoot } from './workspaceHost';

/** The loaded review and the folder it lives in. */
export interface LoadedReview {
  readonly review: Review;
  readonly root: vscode.Uri;
}

/** An open document's study, as its buffer has it now. */
export interface OpenStudy {
  readonly review: Review;
  readonly path: string;
  readonly study: Study;
}

/** An open document's memo, as its buffer has it now. */
export interface OpenMemo {
  readonly review: Review;
  readonly path: string;
  readonly memo: Memo;
}

/** How long a listener of `onDidSettle` lets index updates pause before it runs. */
export interface SettleOptions {
  /** Quiet time after the last update. */
  readonly quietMs: number;
  /** Longest a run waits while updates keep coming (typing, a long checkout); no limit when left out. */
  readonly maxWaitMs?: number;
  /** Whether the listener is also called once the review has loaded (default: yes). */
  readonly atLoad?: boolean;
}

/** A listener's subscription to `onDidSettle`; its other triggers (an editor shown, a setting changed) may share its timer. */
export interface SettleSubscription extends vscode.Disposable {
  /** True while a run waits for the updates to pause. */
  readonly pending: boolean;
  /** Asks for a run after the quiet time, as an index update does. */
  trigger(): void;
  /** Forgets a waiting run (the listener has just done the work). */
  cancel(): void;
  /** Runs now if a run is waiting (tests and benchmarks, instead of waiting). */
  flush(): void;
}

/** What a listener is told when the review has just loaded: everything, as after a codebook change. */
const LOADED: IndexChange = { paths: [], codebook: true };

/**
 * The open review of the workspace, and the one service the features receive: it loads
 * the review in the background (activation must not wait for a full index), keeps it
 * current through a file watcher and the open editors' buffers, and tells the features
 * when it changed. Features ask `loaded()` (never rejects) or `current()` (commands:
 * after pending file events, rejects on a failed load), `studyOf(document)` for an open
 * study, and redraw on `onDidSettle`. When the first look found no review, `lookAgain()`
 * (after New Review… or the demo) loads the one just created without a window reload,
 * and `onDidUpdate`, `onDidSettle` and `whenLoaded` listeners see it as if it had been
 * there at activation.
 */
export class ReviewSession implements vscode.Disposable {
  private readyValue: Promise<Review | undefined>;
  /** Fires when `lookAgain()` loaded a review the first look did not find. */
  private readonly loadedLater = new vscode.EventEmitter<Review>();
  private watcher: ReviewWatcher | undefined;
  private rootValue: vscode.Uri | undefined;
  private loadedValue: Review | undefined;
  private disposed = false;
  /** Keeps the index in step with the open editors' buffers. */
  private readonly documents: DocumentSync;
  /** Milliseconds the first full index took (the benchmark reads it). */
  loadMs: number | undefined;

  /**
   * @param log Where load times and failures are reported.
   * @param hostFor How the platform reads a review root's files.
   */
  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly hostFor: (root: vscode.Uri) => ReviewHost,
  ) {
    this.readyValue = this.start();
    this.documents = new DocumentSync(this);
  }

  /** The loaded review, or `undefined` when there is none; rejects when loading fails. */
  get ready(): Promise<Review | undefined> {
    return this.readyValue;
  }

  /**
   * Calls `use` with the outcome of loading (`undefined` when the workspace holds no
   * review or loading failed) and, when there was none, again with the review a later
   * `lookAgain()` loads.
   */
  whenLoaded(use: (loaded: LoadedReview | undefined) => unknown): vscode.Disposable {
    void this.loaded().then(use);
    return this.loadedLater.event((review) => this.rootValue && use({ review, root: this.rootValue }));
  }

  /**
   * Looks for a review again when none was found (one was just created in the
   * workspace) and loads it; resolves to it. Does nothing while one is loaded.
   */
  async lookAgain(): Promise<Review | undefined> {
    const before = await this.readyValue.catch(() => undefined);
    if (before || this.rootValue || this.disposed) return before;
    this.readyValue = this.start();
    const review = await this.readyValue.catch(() => undefined);
    if (review) this.loadedLater.fire(review);
    return review;
  }

  /** The review root, once found; `undefined` before that or when there is no review. */
  get root(): vscode.Uri | undefined {
    return this.rootValue;
  }

  /** Whether `uri` is the loaded review's codebook (false while loading). */
  isCodebook(uri: vscode.Uri): boolean {
    const path = this.rootValue && toReviewPath(this.rootValue, uri);
    return path !== undefined && this.loadedValue?.isCodebookPath(path) === true;
  }

  /** The review and its root once loaded; `undefined` when there is none or loading failed (logged). */
  async loaded(): Promise<LoadedReview | undefined> {
    const review = await this.ready.catch(() => undefined);
    const root = this.rootValue;
    return review && root ? { review, root } : undefined;
  }

  /** The loaded review once every file event received so far has been applied. */
  async current(): Promise<Review | undefined> {
    const review = await this.ready;
    await this.watcher?.settled();
    return review;
  }

  /**
   * The study of an open document as the buffer has it now (re-indexed first if the
   * index holds another version); `undefined` for a document that is not a study.
   */
  studyOf(document: vscode.TextDocument): Promise<OpenStudy | undefined> {
    return this.documents.studyOf(document);
  }

  /** The memo of an open document as the buffer has it now; `undefined` for a document that is not a memo. */
  memoOf(document: vscode.TextDocument): Promise<OpenMemo | undefined> {
    return this.documents.memoOf(document);
  }

  /** Calls `listener` on every index update, at once (for caches that must not go stale). */
  onDidUpdate(listener: (change: IndexChange, review: Review) => void): vscode.Disposable {
    let subscription: vscode.Disposable | undefined;
    let unsubscribed = false;
    const subscribe = (review: Review | undefined): void => {
      if (review && !unsubscribed && !this.disposed) subscription = review.index.onDidUpdate((change) => listener(change, review));
    };
    void this.ready.then(subscribe, () => undefined);
    const later = this.loadedLater.event(subscribe);
    return {
      dispose: () => {
        unsubscribed = true;
        subscription?.dispose();
        later.dispose();
      },
    };
  }

  /**
   * Calls `listener` once the review has loaded (told that everything changed), then once
   * per burst of index updates, when they pause as `options` say (told what changed in
   * the burst): a `git checkout` of 1,000 files or fast typing cause one redraw, not a storm.
   */
  onDidSettle(listener: (review: Review, change: IndexChange) => void, options: SettleOptions): SettleSubscription {
    const paths = new Set<string>();
    let codebook = false;
    const debouncer = new Debouncer(
      () => {
        const change: IndexChange = { paths: [...paths], codebook };
        paths.clear();
        codebook = false;
        if (this.loadedValue) listener(this.loadedValue, change);
      },
      options.quietMs,
      options.maxWaitMs ?? Infinity,
    );
    const updates = this.onDidUpdate((change) => {
      change.paths.forEach((path) => paths.add(path));
      codebook ||= change.codebook;
      debouncer.trigger();
    });
    let unsubscribed = false;
    const atLoad = (review: Review | undefined) => review && !unsubscribed && !this.disposed && listener(review, LOADED);
    if (options.atLoad !== false) void this.ready.then(atLoad, () => undefined);
    const later = options.atLoad !== false ? this.loadedLater.event(atLoad) : undefined;
    return {
      get pending() {
        return debouncer.pending;
      },
      trigger: () => debouncer.trigger(),
      cancel: () => debouncer.cancel(),
      flush: () => debouncer.flush(),
      dispose: () => {
        unsubscribed = true;
        updates.dispose();
        debouncer.dispose();
        later?.dispose();
      },
    };
  }

  dispose(): void {
    this.disposed = true;
    this.documents.dispose();
    this.watcher?.dispose();
    this.loadedLater.dispose();
  }

  private start(): Promise<Review | undefined> {
    const loading = this.load();
    // Features report failures themselves; this keeps the rejection from going unhandled.
    loading.catch((error: unknown) => this.log.error('QualSynth could not load the review:', error));
    return loading;
  }

  private async load(): Promise<Review | undefined> {
    const root = await findReviewRoot();
    if (root === undefined || this.disposed) {
      this.log.info('No qualsynth.yaml or codebook.md in the workspace.');
      return undefined;
    }
    this.rootValue = root;
    const started = performance.now();
    const loading = loadReview(this.hostFor(root));
    // Watch before the scan ends, so no change made during it is lost.
    this.watcher = new ReviewWatcher(root, loading, (error) => this.log.error('QualSynth could not apply file changes:', error));
    const review = (this.loadedValue = await loading);
    this.loadMs = performance.now() - started;
    const summary = review.index.summary();
    this.log.info(`Review ${root.toString()} indexed in ${(performance.now() - started).toFixed(0)} ms (${summary.studies} studies).`);
    return review;
  }
}
