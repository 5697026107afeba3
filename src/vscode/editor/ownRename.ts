import * as vscode from 'vscode';
import { showingErrors } from '../reviewCommand';
import { requireTrust } from '../trust';

/**
 * The edit of an F2 rename QualSynth owns (on a code tag, on a theme heading). A refusal
 * (Restricted Mode, a name the rename cannot use, any failure) is said in a message and
 * answered with an empty edit, never thrown: VS Code hands a rejected rename to the next
 * provider, its own Markdown rename, which would rename the heading around the tag or the
 * theme's heading alone (and the links to it).
 * @param action What the rename is, for the trust message ("Renaming a code").
 */
export async function ownRename(action: string, plan: () => Promise<vscode.WorkspaceEdit>): Promise<vscode.WorkspaceEdit> {
  if (!requireTrust(action)) return new vscode.WorkspaceEdit();
  return (await showingErrors(plan)) ?? new vscode.WorkspaceEdit();
}
