import * as vscode from 'vscode';
import type { IndexChange, Review } from '../../core';
import { toDiagnostic, toUri } from '../convert';
import type { ReviewSession, SettleSubscription } from '../reviewSession';

/** How long typing may pause before diagnostics are redrawn. */
const DEBOUNCE_MS = 150;

/**
 * Publishes the core's problems as diagnostics: the whole review once loaded, then only
 * the files each update touched (all of them when the codebook changes, since
 * undefined-code warnings depend on it).
 */
export class ReviewDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('qualsynth');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  /** Files that had a duplicate-id error at the last publish, to clear it when fixed. */
  private lastDuplicates: string[] = [];
  private readonly settled: SettleSubscription;

  constructor(private readonly session: ReviewSession) {
    this.settled = session.onDidSettle((review, change) => this.publish(review, change), { quietMs: DEBOUNCE_MS });
    this.disposables.push(this.settled);
  }

  /** Publishes pending changes now; returns the milliseconds it took (tests, benchmark). */
  async publishNow(): Promise<number> {
    await this.session.ready;
    const started = performance.now();
    this.settled.flush();
    return performance.now() - started;
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  /** Publishes what changed in a burst of updates (everything after a codebook change or the load). */
  private publish(review: Review, change: IndexChange): void {
    if (change.codebook) this.publishAll(review);
    else this.publishPaths(review, [...change.paths]);
  }

  private publishAll(review: Review): void {
    const root = this.session.root!;
    const byPath = new Map<string, vscode.Diagnostic[]>();
    for (const problem of review.index.problems()) {
      const list = byPath.get(problem.path) ?? [];
      list.push(toDiagnostic(problem));
      byPath.set(problem.path, list);
    }
    this.collection.clear();
    this.collection.set([...byPath].map(([path, diagnostics]) => [toUri(root, path), diagnostics]));
  }

  /**
   * Re-publishes some files, plus the codebook (its unused-code notes follow the studies)
   * and the memos (a memo about a code no study uses any more is a problem; memos are few).
   */
  private publishPaths(review: Review, paths: string[]): void {
    const root = this.session.root!;
    const duplicates = review.index.duplicateIdPaths();
    const memos = review.index.memos().map((memo) => memo.path);
    const affected = new Set([...paths, review.config.codebook, ...memos, ...duplicates, ...this.lastDuplicates]);
    this.lastDuplicates = duplicates;
    for (const path of affected) this.collection.set(toUri(root, path), review.index.problemsOf(path).map(toDiagnostic));
  }
}
