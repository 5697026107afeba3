import * as vscode from 'vscode';
import { type CodebookMerge, importQdc, mergeCodebookEdits } from '../../core';
import { showingErrors } from '../reviewCommand';
import type { ReviewSession } from '../reviewSession';
import { requireTrust } from '../trust';
import { toUri } from '../convert';
import { editCodebook } from '../codebookEdit';
import { asUri, askTargetFolder, writeNewReview } from './importTarget';

/**
 * `Import REFI-QDA Codebook…`: a `.qdc` file (ATLAS.ti, MAXQDA, NVivo, Taguette)
 * merged into the open review's codebook as one undoable edit, left unsaved (codes
 * whose tag is already defined are left alone), or made into a new review folder.
 * Tests and scripts pass the file and `'merge'` or the new folder's URI to skip the
 * dialogs.
 */
export function registerImportCodebookCommand(session: ReviewSession): vscode.Disposable {
  return vscode.commands.registerCommand('qualsynth.importCodebook', async (source?: unknown, target?: unknown) => {
    if (!requireTrust(vscode.l10n.t('Importing'))) return undefined;
    const file = asUri(source) ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('REFI-QDA codebook')]: ['qdc'] }, openLabel: vscode.l10n.t('Import') }))?.[0];
    if (!file) return undefined;
    return showingErrors(async () => {
      const imported = importQdc(await vscode.workspace.fs.readFile(file), { fileName: file.path.split('/').pop() });
      const review = session.root ? await session.current() : undefined;
      const folder = asUri(target);
      const destination = target === 'merge' ? 'merge' : folder || !review ? 'new' : await askDestination();
      if (destination === undefined) return undefined;
      if (destination === 'merge' && review && session.root) {
        let merged: CodebookMerge = { edits: [], added: 0, skipped: 0 };
        await editCodebook(review, session.root, (codebook, text) => (merged = mergeCodebookEdits(codebook, text, imported.sections)).edits);
        await vscode.window.showTextDocument(toUri(session.root, review.config.codebook), { preview: false });
        void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: {0} codes added to the codebook, {1} already there (unsaved; one undo reverts it).', merged.added, merged.skipped));
        return { added: merged.added, skipped: merged.skipped };
      }
      const newFolder = folder ?? (await askTargetFolder(file));
      if (!newFolder) return undefined;
      await writeNewReview(newFolder, imported.files);
      void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: imported {0} codes and {1} themes into {2}.', imported.codeCount, imported.themeCount, newFolder.fsPath));
      return newFolder;
    });
  });
}

/** Whether to merge into the open review's codebook or make a new review; undefined when dismissed. */
async function askDestination(): Promise<'merge' | 'new' | undefined> {
  const merge = { label: vscode.l10n.t('Merge into this review\'s codebook'), destination: 'merge' as const };
  const fresh = { label: vscode.l10n.t('New review folder…'), destination: 'new' as const };
  return (await vscode.window.showQuickPick([merge, fresh], { placeHolder: vscode.l10n.t('Where should the imported codes go?') }))?.destination;
}
