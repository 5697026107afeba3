import * as vscode from 'vscode';
import type { Review } from '../core/review';
import { formatSummary, SHOW_INDEX_SUMMARY } from './indexSummary';
import type { ReviewSession } from './reviewSession';

/** The status-bar item with the review's counts; a click shows the summary. */
export class IndexStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('qualsynth.indexSummary', vscode.StatusBarAlignment.Left, 10);
  private listener: { dispose(): void } | undefined;
  private disposed = false;

  /** @param session The review whose index the item shows. */
  constructor(session: ReviewSession) {
    this.item.name = 'QualSynth Index';
    this.item.command = SHOW_INDEX_SUMMARY;
    this.item.text = '$(loading~spin) QualSynth';
    this.item.tooltip = 'QualSynth: indexing the review…';
    this.item.show();
    session.ready.then(
      (review) => this.attach(review),
      () => this.showFailure(),
    );
  }

  dispose(): void {
    this.disposed = true;
    this.listener?.dispose();
    this.item.dispose();
  }

  private attach(review: Review | undefined): void {
    if (this.disposed) return;
    if (review === undefined) {
      this.item.hide();
      return;
    }
    this.listener = review.index.onDidUpdate(() => this.update(review));
    this.update(review);
  }

  private update(review: Review): void {
    this.item.text = `$(tag) ${formatSummary(review.index.summary())}`;
    this.item.tooltip = 'QualSynth review index — click for the summary';
  }

  private showFailure(): void {
    if (this.disposed) return;
    this.item.text = '$(error) QualSynth';
    this.item.tooltip = 'QualSynth could not load the review: see the QualSynth output';
  }
}
