import * as vscode from 'vscode';
import { isInsideReview } from '../../core/config';
import { exportCodebookQdc, exportProjectQdpx, importQdpx } from '../../core/refi';
import { registerReviewCommand, showingErrors } from '../reviewCommand';
import type { ReviewSession } from '../reviewSession';
import { requireTrust } from '../trust';
import { toUri } from '../convert';

/**
 * REFI-QDA: export the codebook (.qdc) or the whole review (.qdpx) for NVivo, ATLAS.ti,
 * MAXQDA or QualCoder, and import a .qdpx into a new review folder (never over files).
 * Tests and scripts pass the target URIs to skip the dialogs.
 */
export function registerRefiCommands(session: ReviewSession): vscode.Disposable[] {
  return [
    registerReviewCommand(session, 'qualsynth.exportCodebook', async (review, root, target) => {
      if (!requireTrust(vscode.l10n.t('Exporting'))) return undefined;
      const uri = asUri(target) ?? (await vscode.window.showSaveDialog({ defaultUri: toUri(root, `${review.config.reportDir}/codebook.qdc`), filters: { [vscode.l10n.t('REFI-QDA codebook')]: ['qdc'] } }));
      if (!uri) return undefined;
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(exportCodebookQdc(review.index)));
      void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: codebook exported to {0}.', vscode.workspace.asRelativePath(uri)));
      return uri;
    }),
    registerReviewCommand(session, 'qualsynth.exportProject', async (review, root, target) => {
      if (!requireTrust(vscode.l10n.t('Exporting'))) return undefined;
      const uri = asUri(target) ?? (await vscode.window.showSaveDialog({ defaultUri: toUri(root, `${review.config.reportDir}/review.qdpx`), filters: { [vscode.l10n.t('REFI-QDA project')]: ['qdpx'] } }));
      if (!uri) return undefined;
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('QualSynth: exporting the review…') }, () => exportProjectQdpx(review));
      await vscode.workspace.fs.writeFile(uri, result.data);
      const note = result.warnings.length > 0 ? ` ${vscode.l10n.t('{0} warnings: {1}', result.warnings.length, result.warnings.join(' '))}` : '';
      void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: {0} studies and {1} coded selections exported to {2}.', result.studyCount, result.selectionCount, vscode.workspace.asRelativePath(uri)) + note);
      return uri;
    }),
    vscode.commands.registerCommand('qualsynth.importProject', async (source?: vscode.Uri, target?: vscode.Uri) => {
      if (!requireTrust(vscode.l10n.t('Importing'))) return undefined;
      const file = source ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('REFI-QDA project')]: ['qdpx'] }, openLabel: vscode.l10n.t('Import') }))?.[0];
      if (!file) return undefined;
      // From the Explorer's context menu the second argument is the selection (a Uri[]).
      const folder = asUri(target) ?? (await askTargetFolder(file));
      if (!folder) return undefined;
      return showingErrors(async () => {
        if (!(await isEmptyOrMissing(folder))) throw new Error(vscode.l10n.t('{0} is not empty; import into a new or empty folder (nothing was overwritten).', folder.fsPath));
        const result = importQdpx(await vscode.workspace.fs.readFile(file), { fileName: file.path.split('/').pop() });
        const escaping = result.files.find((imported) => !isInsideReview(imported.path));
        if (escaping) throw new Error(vscode.l10n.t('The archive names a file outside the new folder ({0}); nothing was written.', escaping.path));
        for (const imported of result.files) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, ...imported.path.split('/')), typeof imported.content === 'string' ? new TextEncoder().encode(imported.content) : imported.content);
        await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'import-report.md'), { preview: false });
        void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: imported {0} studies, {1} codes and {2} coded passages into {3}.', result.studyCount, result.codeCount, result.spanCount, folder.fsPath));
        return folder;
      });
    }),
  ];
}

/** A URI argument; menus may pass other things (the Explorer passes the selection as an array). */
function asUri(argument: unknown): vscode.Uri | undefined {
  return argument instanceof vscode.Uri ? argument : undefined;
}

/** Asks for the new review folder, proposing `<name>-review` beside the .qdpx file. */
async function askTargetFolder(file: vscode.Uri): Promise<vscode.Uri | undefined> {
  const proposed = vscode.Uri.joinPath(file, '..', `${(file.path.split('/').pop() ?? 'project').replace(/\.qdpx$/i, '')}-review`);
  const typed = await vscode.window.showInputBox({ prompt: vscode.l10n.t('New folder for the imported review (it must not exist or be empty)'), value: proposed.fsPath });
  return typed ? vscode.Uri.file(typed) : undefined;
}

async function isEmptyOrMissing(folder: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.readDirectory(folder)).length === 0;
  } catch {
    return true;
  }
}
