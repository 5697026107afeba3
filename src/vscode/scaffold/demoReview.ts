import * as vscode from 'vscode';
import type { ReviewSession } from '../reviewSession';
import { requireTrust } from '../trust';

/** The demo review as the build copies it beside the bundle (esbuild.mjs). */
const DEMO = ['dist', 'demo', 'peer-support'];
/** The folder the demo is copied to. */
const DEMO_FOLDER = 'peer-support-demo';

/**
 * `QualSynth: Open the Demo Review`: copies the demo (27 studies of peer support in mental
 * health services, coded, with GRADE-CERQual judgements) into a new folder, never over
 * files. In a workspace without a review it goes into `peer-support-demo/` of the open
 * folder and is indexed at once; otherwise the chosen folder is offered to open.
 * Tests and scripts pass the target folder. Resolves to the folder written.
 */
export function registerDemoReview(session: ReviewSession, extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand('qualsynth.openDemoReview', async (target?: vscode.Uri) => {
    if (!requireTrust(vscode.l10n.t('Copying the demo review'))) return undefined;
    const review = await session.ready.catch(() => undefined);
    const workspaceFolder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const intoWorkspace = !target && !review && workspaceFolder !== undefined;
    const folder = target ?? (intoWorkspace ? vscode.Uri.joinPath(workspaceFolder, DEMO_FOLDER) : await pickParent());
    if (!folder) return undefined;
    if (await exists(folder)) {
      void vscode.window.showErrorMessage(vscode.l10n.t('QualSynth: {0} already exists; nothing was copied.', folder.fsPath));
      return undefined;
    }
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(extensionUri, ...DEMO), folder, { overwrite: false });
    if (intoWorkspace || (!review && isInWorkspace(folder))) {
      await session.lookAgain();
      await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'codebook.md'), { preview: false });
      return folder;
    }
    const openIt = vscode.l10n.t('Open Folder');
    void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: the demo review was copied to {0}.', folder.fsPath), openIt).then((answer) => answer === openIt && vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: true }));
    return folder;
  });
}

async function pickParent(): Promise<vscode.Uri | undefined> {
  const [parent] = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: vscode.l10n.t('Copy the Demo Here') })) ?? [];
  return parent && vscode.Uri.joinPath(parent, DEMO_FOLDER);
}

function isInWorkspace(folder: vscode.Uri): boolean {
  return vscode.workspace.getWorkspaceFolder(folder) !== undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}
