import * as vscode from 'vscode';
import { countOf, countsOf, type IndexSummary, type Review } from '../core';
import { problemCount } from './indexSummary';
import type { ReviewSession } from './reviewSession';
import { ReviewLens } from './views/reviewLens';
import type { ViewFilter } from './views/viewFilter';

/** The command a click runs: VS Code's own "focus this view" command of the Themes view. */
const OPEN_THEMES_VIEW = 'qualsynth.themes.focus';
/** Quiet time after index updates before the counts are recomputed (they read every problem). */
const UPDATE_DELAY_MS = 200;
/** Longest the counts wait while updates keep coming. */
const UPDATE_MAX_WAIT_MS = 1000;

/** What the views show under their filter, counted (`undefined` without a filter). */
interface FilteredCounts {
  readonly studies: number;
  readonly codes: number;
  readonly segments: number;
  /** The filter as the views' title bars show it: `perspective=recipients · "pay"`. */
  readonly description: string;
}

/**
 * The status-bar item with the review's counts and problems,
 * `$(symbol-key) 27 studies · 42 codes · 180 segments  $(warning) 3`; a click opens the
 * Themes view. While the views are filtered it counts what they show,
 * `$(filter) 3 of 27 studies · 5 codes · 12 segments`. Updates once per burst of index
 * updates and at once when the filter changes.
 */
export class IndexStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('qualsynth.indexSummary', vscode.StatusBarAlignment.Left, 10);
  private readonly listeners: vscode.Disposable[] = [];
  private disposed = false;
  /** The review whose counts the item shows, once loaded. */
  private shown: Review | undefined;

  /**
   * @param session The review whose index the item shows.
   * @param filter The Themes and Studies views' filter, which the counts follow.
   */
  constructor(session: ReviewSession, private readonly filter: ViewFilter) {
    this.item.name = vscode.l10n.t('QualSynth Index');
    this.item.command = { title: vscode.l10n.t('Open the Themes view'), command: OPEN_THEMES_VIEW };
    this.item.text = '$(loading~spin) QualSynth';
    this.item.tooltip = vscode.l10n.t('QualSynth: indexing the review…');
    this.item.show();
    this.listeners.push(
      session.onDidSettle((review) => this.update(review), { quietMs: UPDATE_DELAY_MS, maxWaitMs: UPDATE_MAX_WAIT_MS }),
      filter.onDidChange(() => this.shown && this.update(this.shown)),
    );
    session.ready.then(
      (review) => review === undefined && this.hide(),
      () => this.showFailure(),
    );
  }

  /** The item's text as shown now (tests). */
  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.forEach((listener) => listener.dispose());
    this.item.dispose();
  }

  /** No review in the workspace: nothing to show. */
  private hide(): void {
    if (!this.disposed) this.item.hide();
  }

  private update(review: Review): void {
    this.shown = review;
    const summary = review.index.summary();
    const lens = new ReviewLens(review.index, this.filter.state);
    const filtered = lens.filtered ? { ...lens.counts(), description: this.filter.description } : undefined;
    this.item.text = statusText(summary, filtered);
    this.item.tooltip = statusTooltip(summary, filtered);
    // Hidden while the workspace had no review; a review created since shows it.
    this.item.show();
  }

  private showFailure(): void {
    if (this.disposed) return;
    this.item.text = '$(error) QualSynth';
    this.item.tooltip = vscode.l10n.t('QualSynth could not load the review: see the QualSynth output');
  }
}

/** `$(symbol-key) N studies · N codes · N segments  $(warning) N`, or the filtered counts. */
export function statusText(summary: IndexSummary, filtered?: FilteredCounts): string {
  const problems = `$(warning) ${problemCount(summary)}`;
  if (filtered) return `$(filter) ${filtered.studies} of ${countOf(summary.studies, 'study')} · ${countsOf([filtered.codes, 'code'], [filtered.segments, 'segment'])}  ${problems}`;
  return `$(symbol-key) ${countsOf([summary.studies, 'study'], [summary.codes, 'code'], [summary.segments, 'segment'])}  ${problems}`;
}

function statusTooltip(summary: IndexSummary, filtered: FilteredCounts | undefined): vscode.MarkdownString {
  const { error, warning, info } = summary.problems;
  const tooltip = new vscode.MarkdownString('', true);
  tooltip.appendMarkdown(`**${vscode.l10n.t('QualSynth review')}**\n\n`);
  if (filtered) tooltip.appendMarkdown(`${vscode.l10n.t('Views filtered by')} `).appendText(filtered.description).appendMarkdown('\n\n');
  tooltip.appendMarkdown(`${countsOf([summary.studies, 'study'], [summary.themes, 'theme'], [summary.codes, 'code'], [summary.segments, 'segment'])}\n\n`);
  tooltip.appendMarkdown(`$(error) ${countOf(error, 'error')} · $(warning) ${countOf(warning, 'warning')} · $(info) ${countOf(info, 'hint')} ${vscode.l10n.t('(see the Problems panel)')}\n\n`);
  tooltip.appendMarkdown(vscode.l10n.t('Click to open the Themes view.'));
  return tooltip;
}
