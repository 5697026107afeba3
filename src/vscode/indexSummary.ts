import * as vscode from 'vscode';
import { countsOf, type IndexSummary } from '../core';
import type { ReviewSession } from './reviewSession';

/** Id of the command; also run by the status-bar item. */
export const SHOW_INDEX_SUMMARY = 'qualsynth.showIndexSummary';

/** Problems of every severity, as one number. */
export function problemCount(summary: IndexSummary): number {
  return summary.problems.error + summary.problems.warning + summary.problems.info;
}

/** `N studies · N codes · N segments · N problems`. */
export function formatSummary(summary: IndexSummary): string {
  return countsOf([summary.studies, 'study'], [summary.codes, 'code'], [summary.segments, 'segment'], [problemCount(summary), 'problem']);
}

/**
 * Registers `qualsynth.showIndexSummary`: shows the counts in a notification and
 * returns the summary (so tests and other extensions can read it), or `undefined`
 * when the workspace holds no review.
 */
export function registerShowIndexSummary(session: ReviewSession): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_INDEX_SUMMARY, async (): Promise<IndexSummary | undefined> => {
    let review;
    try {
      review = await session.current();
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('QualSynth: the review could not be loaded: {0}', String(error)));
      return undefined;
    }
    if (review === undefined) {
      void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: no qualsynth.yaml or codebook.md in this workspace.'));
      return undefined;
    }
    const summary = review.index.summary();
    // Not awaited: the message stays until dismissed, the caller wants the counts now.
    void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: {0}', formatSummary(summary)));
    return summary;
  });
}
