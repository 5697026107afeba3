import * as vscode from 'vscode';
import { countOf, exportCodebookQdc, exportProjectQdpx, importQdpx, plural } from '../../core';
import { registerReviewCommand, showingErrors } from '../reviewCommand';
import type { ReviewSession } from '../reviewSession';
import { requireTrust } from '../trust';
import { toUri } from '../convert';
import { writeOutputs } from '../files/writeOutputs';
import { registerImportCodebookCommand } from './importCodebookCommand';
import { asUri, askTargetFolder, writeNewReview } from './importTarget';

/**
 * REFI-QDA: export the codebook (.qdc) or the whole review (.qdpx) for NVivo, ATLAS.ti,
 * MAXQDA or QualCoder, import a .qdpx into a new review folder (never over files), and
 * a .qdc into the codebook or a new review (`importCodebookCommand.ts`).
 * Tests and scripts pass the target URIs to skip the dialogs.
 */
export function registerRefiCommands(session: ReviewSession): vscode.Disposable[] {
  return [
    registerReviewCommand(session, 'qualsynth.exportCodebook', async (review, root, target) => {
      if (!requireTrust(vscode.l10n.t('Exporting'))) return undefined;
      const uri = asUri(target) ?? (await vscode.window.showSaveDialog({ defaultUri: await exportLocation(root, review.config.reportDir, 'codebook.qdc'), filters: { [vscode.l10n.t('REFI-QDA codebook')]: ['qdc'] } }));
      if (!uri) return undefined;
      await writeOutputs(review, root, [{ uri, content: exportCodebookQdc(review.index) }]);
      void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: codebook exported to {0}.', vscode.workspace.asRelativePath(uri)));
      return uri;
    }),
    registerReviewCommand(session, 'qualsynth.exportProject', async (review, root, target) => {
      if (!requireTrust(vscode.l10n.t('Exporting'))) return undefined;
      const uri = asUri(target) ?? (await vscode.window.showSaveDialog({ defaultUri: await exportLocation(root, review.config.reportDir, 'review.qdpx'), filters: { [vscode.l10n.t('REFI-QDA project')]: ['qdpx'] } }));
      if (!uri) return undefined;
      const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('QualSynth: exporting the review…') }, () => exportProjectQdpx(review));
      await writeOutputs(review, root, [{ uri, content: result.data }]);
      const note = result.warnings.length > 0 ? ` ${vscode.l10n.t('{0} warnings: {1}', result.warnings.length, result.warnings.join(' '))}` : '';
      void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: {0} and {1} exported to {2}.', countOf(result.studyCount, 'study'), plural(result.selectionCount, 'coded selection'), vscode.workspace.asRelativePath(uri)) + note);
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
        const result = importQdpx(await vscode.workspace.fs.readFile(file), { fileName: file.path.split('/').pop() });
        await writeNewReview(folder, result.files);
        void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: imported {0} studies, {1} codes and {2} coded passages into {3}.', result.studyCount, result.codeCount, result.spanCount, folder.fsPath));
        return folder;
      });
    }),
    registerImportCodebookCommand(session),
  ];
}

/**
 * Where the save dialog starts: `reportDir/name` when the report folder exists, else the
 * review folder (a dialog opened on a missing folder falls back to somewhere unrelated).
 */
async function exportLocation(root: vscode.Uri, reportDir: string, name: string): Promise<vscode.Uri> {
  const folder = toUri(root, reportDir);
  const exists = await vscode.workspace.fs.stat(folder).then(
    (stat) => (stat.type & vscode.FileType.Directory) !== 0,
    () => false,
  );
  return vscode.Uri.joinPath(exists ? folder : root, name);
}
