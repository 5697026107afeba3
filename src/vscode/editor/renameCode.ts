import * as vscode from 'vscode';
import { isValidCodeName, removeTagEdits, renameCodeEdits, RenameError, type Review, tagAt } from '../../core';
import { toRange, toWorkspaceEdit } from '../convert';
import type { ReviewSession } from '../reviewSession';
import { registerReviewCommand, type ReviewCommandBody } from '../reviewCommand';
import { requireTrust } from '../trust';
import { codeArgument } from '../codeArgument';
import { applyIfUnchanged, currentTexts, filesUsing, indexOfTexts } from '../reviewTexts';
import { codeAt } from './codeAt';
import { ownRename } from './ownRename';
import { themeHeadingAt, themeHeadingRename } from './renameTheme';

/**
 * F2 on a code (a tag in a study or a memo, a memo's `about: codes:` name, a definition's
 * tag in the codebook) renames it in every study, the codebook and the memos as one
 * workspace edit (one undo reverts it); renaming onto an existing code asks to merge. F2
 * on a theme heading in the codebook renames the theme (`renameTheme.ts`). Anywhere else
 * the rename is left to VS Code's Markdown rename (headings, links).
 */
export class CodeRenameProvider implements vscode.RenameProvider {
  constructor(private readonly session: ReviewSession) {}

  async prepareRename(document: vscode.TextDocument, position: vscode.Position): Promise<{ range: vscode.Range; placeholder: string }> {
    const theme = await themeHeadingAt(this.session, document, position);
    if (theme) return { range: toRange(theme.titleRange), placeholder: theme.title };
    const found = await codeAt(this.session, document, position);
    if (!found) throw new Error(this.session.isCodebook(document.uri) ? vscode.l10n.t('Put the cursor on a theme heading to rename the theme.') : vscode.l10n.t('Put the cursor on a code tag (#code) to rename the code.'));
    const range = toRange(found.range);
    // The box holds the name without its `#`.
    return { range: document.getText(range).startsWith('#') ? range.with(range.start.translate(0, 1)) : range, placeholder: found.code };
  }

  async provideRenameEdits(document: vscode.TextDocument, position: vscode.Position, newName: string): Promise<vscode.WorkspaceEdit | undefined> {
    const theme = await themeHeadingAt(this.session, document, position);
    if (theme) return themeHeadingRename(this.session, theme.path, newName);
    const found = await codeAt(this.session, document, position);
    // Not on a code: undefined hands the rename on to the next provider (Markdown's).
    if (!found) return undefined;
    const to = newName.replace(/^#/, '');
    return ownRename(vscode.l10n.t('Renaming a code'), async () => {
      if (!(await confirmMerge(found.review, found.code, to))) return new vscode.WorkspaceEdit();
      return renameEdit(found.review, this.session.root!, found.code, to);
    });
  }
}

/** The workspace edit that renames (or merges) `from` into `to` across the review. */
export async function renameEdit(review: Review, root: vscode.Uri, from: string, to: string): Promise<vscode.WorkspaceEdit> {
  return (await renameEditWithTexts(review, root, from, to)).edit;
}

/** The rename edit and the texts it was computed on. */
async function renameEditWithTexts(review: Review, root: vscode.Uri, from: string, to: string): Promise<{ edit: vscode.WorkspaceEdit; texts: Map<string, string> }> {
  const texts = await currentTexts(root, filesUsing(review, from));
  try {
    return { edit: toWorkspaceEdit(root, renameCodeEdits(indexOfTexts(review, texts), texts, from, to), texts), texts };
  } catch (error) {
    if (error instanceof RenameError) throw new Error(error.message);
    throw error;
  }
}

/** Renames (or merges) `from` into `to` now, refusing if a file changed meanwhile. */
async function applyRename(review: Review, root: vscode.Uri, from: string, to: string): Promise<boolean> {
  const { edit, texts } = await renameEditWithTexts(review, root, from, to);
  return applyIfUnchanged(root, edit, texts);
}

/** Asks before a rename onto a code that exists; true to go on. */
export async function confirmMerge(review: Review, from: string, to: string): Promise<boolean> {
  if (from === to || !review.index.getCode(to)) return true;
  const merge = vscode.l10n.t('Merge');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('#{0} already exists. Merge #{1} into #{0}?', to, from), { modal: true }, merge);
  return answer === merge;
}

/** Registers Rename Code…, Merge Codes… and Remove Code at Cursor. */
export function registerCodeCommands(session: ReviewSession): vscode.Disposable[] {
  // Every command edits files: trust first, then the review (registerReviewCommand).
  const editing = (run: ReviewCommandBody): ReviewCommandBody => async (review, root, ...args) => (requireTrust(vscode.l10n.t('Editing codes')) ? run(review, root, ...args) : false);
  return [
    registerReviewCommand(session, 'qualsynth.renameCode', editing(async (review, root, argument) => {
      const from = await codeArgument(review, session, argument, vscode.l10n.t('Code to rename'));
      if (!from) return false;
      const to = (await vscode.window.showInputBox({ prompt: vscode.l10n.t('New name for #{0}', from), value: from, validateInput: validateName }))?.replace(/^#/, '');
      if (!to || !(await confirmMerge(review, from, to))) return false;
      return applyRename(review, root, from, to);
    })),
    registerReviewCommand(session, 'qualsynth.mergeCode', editing(async (review, root, argument) => {
      const from = await codeArgument(review, session, argument, vscode.l10n.t('Code to merge'));
      if (!from) return false;
      const target = await vscode.window.showQuickPick(
        review.index.codes().filter((code) => code.name !== from).map((code) => ({ label: `#${code.name}`, description: code.definition, code: code.name })),
        { placeHolder: vscode.l10n.t('Merge #{0} into…', from) },
      );
      if (!target) return false;
      return applyRename(review, root, from, target.code);
    })),
    registerReviewCommand(session, 'qualsynth.removeCodeAtCursor', editing(async (_review, root) => {
      const editor = vscode.window.activeTextEditor;
      const current = editor && (await session.studyOf(editor.document));
      const tag = current && tagAt(current.study, editor.document.offsetAt(editor.selection.active));
      if (!editor || !current || !tag) throw new Error(vscode.l10n.t('Put the cursor on a code tag (#code) to remove it.'));
      const text = editor.document.getText();
      const texts = new Map([[current.path, text]]);
      return applyIfUnchanged(root, toWorkspaceEdit(root, removeTagEdits(current.study, text, tag), texts), texts);
    })),
  ];
}

/** Input validation for a new code name (a leading `#` is allowed and dropped). */
export function validateName(value: string): string | undefined {
  return isValidCodeName(value.replace(/^#/, '')) ? undefined : vscode.l10n.t('A code name starts with a letter and uses letters, digits, _, -, . and / between levels.');
}
