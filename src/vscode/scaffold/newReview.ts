import * as vscode from 'vscode';
import { newReviewFiles, newStudyText, studyIdFrom } from '../../core';
import type { ReviewSession } from '../reviewSession';
import { requireTrust } from '../trust';
import { writeOutputs } from '../files/writeOutputs';
import { showingErrors } from '../reviewCommand';

/**
 * `QualSynth: New Review…` scaffolds `qualsynth.yaml`, a codebook with example themes
 * and one example study in a folder (never over existing files), and opens them.
 * `QualSynth: New Study…` creates a study from the template with a unique id.
 */
export function registerScaffoldCommands(session: ReviewSession): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('qualsynth.newReview', async (target?: vscode.Uri) => {
      if (!requireTrust(vscode.l10n.t('Creating a review'))) return undefined;
      const folder = target ?? (await pickFolder());
      if (!folder) return undefined;
      const files = newReviewFiles(folder.path.split('/').pop() || undefined);
      const existing = await existingFiles(folder, files.map((file) => file.path));
      if (existing.length > 0) {
        void vscode.window.showErrorMessage(vscode.l10n.t('QualSynth: {0} already holds {1}; choose an empty folder, nothing was changed.', folder.fsPath, existing.join(', ')));
        return undefined;
      }
      for (const file of files) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, ...file.path.split('/')), new TextEncoder().encode(file.text));
      const inWorkspace = vscode.workspace.workspaceFolders?.some((open) => folder.toString().startsWith(open.uri.toString()));
      if (!inWorkspace) {
        const openIt = vscode.l10n.t('Open Folder');
        if ((await vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: the review was created in {0}.', folder.fsPath), openIt)) === openIt) {
          await vscode.commands.executeCommand('vscode.openFolder', folder);
        }
        return folder;
      }
      // The session looked for a review at activation and found none: it looks again and
      // indexes the new one, no reload needed.
      await session.lookAgain();
      await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'codebook.md'), { preview: false });
      await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'studies', 'example-2020.md'), { preview: false, viewColumn: vscode.ViewColumn.Beside });
      return folder;
    }),
    vscode.commands.registerCommand('qualsynth.newStudy', async (label?: string) => {
      if (!requireTrust(vscode.l10n.t('Creating a study'))) return undefined;
      const review = await session.current();
      if (!review || !session.root) return void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: open a review (a folder with codebook.md) or run "New Review…" first.'));
      const given = label ?? (await vscode.window.showInputBox({ prompt: vscode.l10n.t('First author and year of the study'), placeHolder: 'Mowbray 2005' }));
      if (!given) return undefined;
      const id = studyIdFrom(given, new Set(review.index.studies().map((study) => study.id)));
      const uri = vscode.Uri.joinPath(session.root, 'studies', `${id}.md`);
      const year = /\b(19|20)\d\d\b/.exec(given)?.[0];
      const author = given.replace(/\b(19|20)\d\d\b/, '').replace(/[,&]+\s*$/, '').trim();
      // Through the safe file layer: a cloned review's `studies/` may be a link to elsewhere.
      return showingErrors(async () => {
        await writeOutputs(review, session.root!, [{ uri, content: newStudyText(id, author || undefined, year) }], { inputs: 'replace', createOnly: true });
        await vscode.window.showTextDocument(uri, { preview: false });
        return uri;
      });
    }),
  ];
}

async function pickFolder(): Promise<vscode.Uri | undefined> {
  const open = vscode.workspace.workspaceFolders?.[0]?.uri;
  const [picked] = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, defaultUri: open, openLabel: vscode.l10n.t('Create Review Here') })) ?? [];
  return picked;
}

async function existingFiles(folder: vscode.Uri, paths: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, ...path.split('/')));
      found.push(path);
    } catch {
      // absent: fine
    }
  }
  return found;
}
