import * as vscode from 'vscode';
import { CodeSelectionError, codeSelectionEdits } from '../../core/edits/codeSelection';
import type { TextEdit } from '../../core/edits/textEdit';
import type { Review } from '../../core/review';
import { isValidCodeName } from '../../core/syntax/codeName';
import { toWorkspaceEdit } from '../convert';
import type { ReviewSession } from '../reviewSession';
import { requireTrust } from '../trust';
import type { DocumentSync } from './documentSync';
import { applyIfUnchanged } from './reviewTexts';

/** Id of the command (context menu, keybinding, palette). */
export const CODE_SELECTION_COMMAND = 'qualsynth.codeSelection';

interface CodeItem extends vscode.QuickPickItem {
  readonly code: string;
}

/**
 * Code Selection…: pick one or more codes (or type a new one) and wrap every selection
 * in `[…]{#code}` — or add the codes to a span whose passage is exactly the selection.
 * Works with several cursors; all selections change in one undoable edit. Tests and
 * scripts may pass the codes as an argument to skip the picker.
 */
export function registerCodeSelection(session: ReviewSession, sync: DocumentSync): vscode.Disposable {
  return vscode.commands.registerCommand(CODE_SELECTION_COMMAND, async (givenCodes?: string[]) => {
    if (!requireTrust(vscode.l10n.t('Coding a selection'))) return;
    const editor = vscode.window.activeTextEditor;
    const current = editor && (await sync.studyOf(editor.document));
    if (!editor || !current) return void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: open a study file of the review to code a passage.'));
    const selections = editor.selections.filter((selection) => !selection.isEmpty);
    if (selections.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: select the passage to code first.'));
    const codes = Array.isArray(givenCodes) ? givenCodes : await pickCodes(current.review);
    if (!codes || codes.length === 0) return;
    const text = editor.document.getText();
    try {
      const edits: TextEdit[] = selections.flatMap((selection) => codeSelectionEdits(current.study, text, editor.document.offsetAt(selection.start), editor.document.offsetAt(selection.end), codes));
      const texts = new Map([[current.path, text]]);
      await applyIfUnchanged(session.root!, toWorkspaceEdit(session.root!, edits, texts), texts);
    } catch (error) {
      if (!(error instanceof CodeSelectionError)) throw error;
      void vscode.window.showWarningMessage(vscode.l10n.t('QualSynth: {0}', error.message));
    }
  });
}

/** A multi-select quick pick over the codes, with a "new code" entry for what is typed. */
async function pickCodes(review: Review): Promise<string[] | undefined> {
  const known: CodeItem[] = review.index.codes().map((code) => ({
    label: `#${code.name}`,
    description: code.themes[0]?.join(' › ') ?? vscode.l10n.t('uncategorised'),
    detail: code.definition || undefined,
    code: code.name,
  }));
  const pick = vscode.window.createQuickPick<CodeItem>();
  pick.canSelectMany = true;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.placeholder = vscode.l10n.t('Codes for the selection (type a new name to create a code)');
  pick.items = known;
  pick.onDidChangeValue((value) => {
    const name = value.trim().replace(/^#/, '');
    const isNew = isValidCodeName(name) && !known.some((item) => item.code === name);
    const chosen = pick.selectedItems.filter((item) => !known.includes(item));
    pick.items = isNew ? [{ label: `#${name}`, description: vscode.l10n.t('new code'), code: name, alwaysShow: true }, ...chosen, ...known] : [...chosen, ...known];
    pick.selectedItems = pick.selectedItems.filter((item) => pick.items.includes(item));
  });
  try {
    return await new Promise<string[] | undefined>((resolve) => {
      // Enter with nothing ticked takes the highlighted item (e.g. a new code just typed).
      pick.onDidAccept(() => resolve((pick.selectedItems.length > 0 ? pick.selectedItems : pick.activeItems).map((item) => item.code)));
      pick.onDidHide(() => resolve(undefined));
      pick.show();
    });
  } finally {
    pick.dispose();
  }
}
