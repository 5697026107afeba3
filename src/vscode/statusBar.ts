import * as vscode from 'vscode';
import type { Review } from '../core/review';
import type { IndexSummary } from '../core/reviewIndex';
import { problemCount } from './indexSummary';
import type { ReviewSession } from './reviewSession';
import { Debouncer } from './views/debouncer';

/** The command a click runs: VS Code's own "focus this view" command of the Themes view. */
const OPEN_THEMES_VIEW = 'qualsynth.themes.focus';
/** Quiet time after index updates before the counts are recomputed (they read every problem). */
const UPDATE_DELAY_MS = 200;

/**
 * The status-bar item with the review's counts and problems,
 * `$(symbol-key) 27 studies · 42 codes · 180 segments  $(warning) 3`; a click opens the
 * Themes view. Updates once per burst of index updates.
 */
export class IndexStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('qualsynth.indexSummary', vscode.StatusBarAlignment.Left, 10);
  private listener: { dispose(): void } | undefined;
  private debouncer: Debouncer | undefined;
  private disposed = false;

  /** @param session The review whose index the item shows. */
  constructor(session: ReviewSession) {
    this.item.name = vscode.l10n.t('QualSynth Index');
    this.item.command = { title: vscode.l10n.t('Open the Themes view'), command: OPEN_THEMES_VIEW };
    this.item.text = '$(loading~spin) QualSynth';
    this.item.tooltip = vscode.l10n.t('QualSynth: indexing the review…');
    this.item.show();
    session.ready.then(
      (review) => this.attach(review),
      () => this.showFailure(),
    );
  }

  dispose(): void {
    this.disposed = true;
    this.listener?.dispose();
    this.debouncer?.dispose();
    this.item.dispose();
  }

  private attach(review: Review | undefined): void {
    if (this.disposed) return;
    if (review === undefined) {
      this.item.hide();
      return;
    }
    const debouncer = (this.debouncer = new Debouncer(() => this.update(review), UPDATE_DELAY_MS));
    this.listener = review.index.onDidUpdate(() => debouncer.trigger());
    this.update(review);
  }

  private update(review: Review): void {
    const summary = review.index.summary();
    this.item.text = statusText(summary);
    this.item.tooltip = statusTooltip(summary);
  }

  private showFailure(): void {
    if (this.disposed) return;
    this.item.text = '$(error) QualSynth';
    this.item.tooltip = vscode.l10n.t('QualSynth could not load the review: see the QualSynth output');
  }
}

/** `$(symbol-key) N studies · N codes · N segments  $(warning) N`. */
export function statusText(summary: IndexSummary): string {
  return vscode.l10n.t('$(symbol-key) {0} studies · {1} codes · {2} segments  $(warning) {3}', summary.studies, summary.codes, summary.segments, problemCount(summary));
}

function statusTooltip(summary: IndexSummary): vscode.MarkdownString {
  const { error, warning, info } = summary.problems;
  const tooltip = new vscode.MarkdownString('', true);
  tooltip.appendMarkdown(`**${vscode.l10n.t('QualSynth review')}**\n\n`);
  tooltip.appendMarkdown(`${vscode.l10n.t('{0} studies · {1} themes · {2} codes · {3} segments', summary.studies, summary.themes, summary.codes, summary.segments)}\n\n`);
  tooltip.appendMarkdown(`${vscode.l10n.t('$(error) {0} errors · $(warning) {1} warnings · $(info) {2} hints (see the Problems panel)', error, warning, info)}\n\n`);
  tooltip.appendMarkdown(vscode.l10n.t('Click to open the Themes view.'));
  return tooltip;
}
