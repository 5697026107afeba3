import * as vscode from 'vscode';
import { everyTheme, memosUnderTheme, parseCodebook, renameThemeEdits, RenameError, type Review, type Theme, type ThemeRename, themeRenameProblem } from '../../core';
import { toWorkspaceEdit } from '../convert';
import { registerReviewCommand } from '../reviewCommand';
import type { ReviewSession } from '../reviewSession';
import { applyIfUnchanged, currentTexts, indexOfTexts } from '../reviewTexts';
import { requireTrust } from '../trust';
import { themeArgument } from '../viewArguments';
import { ownRename } from './ownRename';

/**
 * Rename of a theme: F2 on its heading in the codebook (through `CodeRenameProvider`) and
 * Rename Theme… on a theme of the Themes view. One workspace edit changes the heading's
 * text and every memo's `about: themes:` path through the theme, so one undo reverts both.
 */

/** The theme whose heading line holds `position` in the codebook's buffer, if it is the codebook. */
export async function themeHeadingAt(session: ReviewSession, document: vscode.TextDocument, position: vscode.Position): Promise<Theme | undefined> {
  if (!session.isCodebook(document.uri)) return undefined;
  const review = await session.current();
  if (!review) return undefined;
  // The buffer, not the index: the ranges must be the document's as it is now.
  const codebook = parseCodebook(review.config.codebook, document.getText());
  const offset = document.offsetAt(position);
  return everyTheme(codebook.themes).find((theme) => theme.range.start <= offset && offset <= theme.titleRange.end);
}

/** The workspace edit that renames the theme at `themePath`, the texts it was computed on, and the memos left as they were. */
export async function themeRenameEdit(review: Review, root: vscode.Uri, themePath: readonly string[], title: string): Promise<{ edit: vscode.WorkspaceEdit; texts: Map<string, string>; skipped: ThemeRename['skipped'] }> {
  const texts = await currentTexts(root, [review.config.codebook, ...memosUnderTheme(review.index, themePath).map((memo) => memo.path)]);
  try {
    const plan = renameThemeEdits(indexOfTexts(review, texts), texts, themePath, title);
    return { edit: toWorkspaceEdit(root, plan.edits, texts), texts, skipped: plan.skipped };
  } catch (error) {
    if (error instanceof RenameError) throw new Error(error.message);
    throw error;
  }
}

/** The edit of F2 on a theme heading; a refusal is a message and an empty edit (`ownRename`). */
export function themeHeadingRename(session: ReviewSession, themePath: readonly string[], title: string): Promise<vscode.WorkspaceEdit> {
  return ownRename(vscode.l10n.t('Renaming a theme'), async () => {
    const review = await session.current();
    if (!review) throw new Error(vscode.l10n.t('no review is open.'));
    const { edit, skipped } = await themeRenameEdit(review, session.root!, themePath, title);
    warnSkipped(skipped);
    return edit;
  });
}

/** Says which memos still name the old path (the rename could not edit them safely). */
export function warnSkipped(skipped: ThemeRename['skipped']): void {
  if (skipped.length === 0) return;
  const list = skipped.map((memo) => `${memo.path} (${memo.reason})`).join('; ');
  void vscode.window.showWarningMessage(vscode.l10n.t('QualSynth: these memos still name the old theme; edit their about: themes: by hand (the quick fix offers the new title): {0}', list));
}

/** Registers Rename Theme…: a theme item, a theme path or a pick, then the new title (or given as a second argument). */
export function registerThemeRename(session: ReviewSession): vscode.Disposable {
  return registerReviewCommand(session, 'qualsynth.renameTheme', async (review, root, argument, title) => {
    if (!requireTrust(vscode.l10n.t('Renaming a theme'))) return false;
    const themePath = await themeArgument(review, argument, vscode.l10n.t('Theme to rename'));
    if (!themePath) return false;
    const current = themePath[themePath.length - 1];
    const name = typeof title === 'string' ? title : await vscode.window.showInputBox({
      prompt: vscode.l10n.t('New title for the theme {0}', themePath.join(' › ')),
      value: current,
      validateInput: (value) => themeRenameProblem(review.index.codebook, themePath, value),
    });
    if (name === undefined) return false;
    const { edit, texts, skipped } = await themeRenameEdit(review, root, themePath, name);
    if (edit.size === 0) return false;
    const applied = await applyIfUnchanged(root, edit, texts);
    if (applied) warnSkipped(skipped);
    return applied;
  });
}
