import * as vscode from 'vscode';
import { type ImportedFile, isInsideReview } from '../../core';

/** A URI argument; menus may pass other things (the Explorer passes the selection as an array). */
export function asUri(argument: unknown): vscode.Uri | undefined {
  return argument instanceof vscode.Uri ? argument : undefined;
}

/** Asks for the new review folder, proposing `<name>-review` beside the imported file. */
export async function askTargetFolder(file: vscode.Uri): Promise<vscode.Uri | undefined> {
  const proposed = vscode.Uri.joinPath(file, '..', `${(file.path.split('/').pop() ?? 'project').replace(/\.(qdpx|qdc)$/i, '')}-review`);
  const typed = await vscode.window.showInputBox({ prompt: vscode.l10n.t('New folder for the imported review (it must not exist or be empty)'), value: proposed.fsPath });
  return typed ? vscode.Uri.file(typed) : undefined;
}

/**
 * Writes an import's files into a folder that is new or empty (never over a file),
 * then opens its `import-report.md`.
 */
export async function writeNewReview(folder: vscode.Uri, files: readonly ImportedFile[]): Promise<void> {
  if (!(await isEmptyOrMissing(folder))) throw new Error(vscode.l10n.t('{0} is not empty; import into a new or empty folder (nothing was overwritten).', folder.fsPath));
  const escaping = files.find((imported) => !isInsideReview(imported.path));
  if (escaping) throw new Error(vscode.l10n.t('The archive names a file outside the new folder ({0}); nothing was written.', escaping.path));
  for (const imported of files) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, ...imported.path.split('/')), new TextEncoder().encode(imported.content));
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'import-report.md'), { preview: false });
}

async function isEmptyOrMissing(folder: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.readDirectory(folder)).length === 0;
  } catch {
    return true;
  }
}
