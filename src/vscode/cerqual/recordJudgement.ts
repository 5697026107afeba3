import * as vscode from 'vscode';
import { componentData, findingAt, findingCard, findTheme, formatFilter, impliedStatement, recordJudgementEdits, type Review, reviewEvidenceSource, reviewFindingEvidence } from '../../core';
import { toReviewPath } from '../convert';
import { registerReviewCommand } from '../reviewCommand';
import { requireTrust } from '../trust';
import type { ReviewSession } from '../reviewSession';
import { editCodebook } from '../codebookEdit';
import { isViewItem, pickTheme, stringList } from '../viewArguments';
import { RECORD_JUDGEMENT_COMMAND } from './findingHover';
import { walkJudgement } from './judgementWalk';

/**
 * Registers "Record CERQual Judgement…": for a theme (from the Themes view, a path, the
 * cursor in the codebook, or a picker), it walks the four components with the data at
 * hand and writes the judgement and its `Judged on:` basis into the codebook as one
 * undoable edit, left unsaved. Resolves to true when the codebook was edited.
 */
export function registerRecordJudgement(session: ReviewSession): vscode.Disposable {
  return registerReviewCommand(session, RECORD_JUDGEMENT_COMMAND, async (review, root, argument) => {
    // Asked before the walk, not after eleven steps: Restricted Mode writes no file.
    if (!requireTrust(vscode.l10n.t('Recording a CERQual judgement'))) return false;
    const path = themePathOf(argument) ?? findingAtCursor(review, root) ?? (await pickTheme(review, vscode.l10n.t('Theme to record the GRADE-CERQual judgement of')));
    if (!path) return false;
    const theme = findTheme(review.index.codebook, path);
    if (!theme) throw new Error(vscode.l10n.t('There is no theme {0} in {1}.', path.join(' › '), review.config.codebook));
    const source = reviewEvidenceSource(review.index);
    const settings = review.config.cerqual;
    const evidence = reviewFindingEvidence(review.index, theme, settings, source);
    const statement = theme.finding?.text ?? impliedStatement(theme.title, theme.description.split('\n\n')[0]).text;
    const judgement = await walkJudgement({ theme, statement, data: componentData(evidence, { sensitivityCriteria: formatFilter(settings.sensitivity) }), summary: findingCard(theme, evidence, source, settings).summary });
    if (!judgement) return false;
    return editCodebook(review, root, (codebook, text) => {
      // The basis is the evidence of the theme as the codebook is now, when it is written.
      const current = findTheme(codebook, path);
      if (!current) throw new Error(vscode.l10n.t('The theme {0} is no longer in the codebook.', path.join(' › ')));
      return recordJudgementEdits(codebook, text, path, { ...judgement, basis: reviewFindingEvidence(review.index, current, settings).basis });
    });
  });
}

/** A theme path from a Themes view item or a path given as a list. */
function themePathOf(argument: unknown): readonly string[] | undefined {
  if (isViewItem(argument) && argument.kind === 'theme') return argument.themePath;
  const list = stringList(argument);
  return list && list.length > 0 ? list : undefined;
}

/** The finding under the cursor when the active editor is the codebook. */
function findingAtCursor(review: Review, root: vscode.Uri): readonly string[] | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || toReviewPath(root, editor.document.uri) !== review.config.codebook) return undefined;
  return findingAt(review.index.codebook, editor.document.offsetAt(editor.selection.active))?.path;
}
