import * as vscode from 'vscode';

/**
 * Workspace Trust: in Restricted Mode QualSynth reads and shows (index, highlights,
 * hovers, diagnostics, views) but writes no file and runs no git until the user trusts
 * the workspace. Commands call this first; it explains and offers to manage trust.
 */
export function requireTrust(action: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  const manage = vscode.l10n.t('Manage Workspace Trust');
  void vscode.window
    .showWarningMessage(vscode.l10n.t('QualSynth: {0} writes files or runs git, so it is available once you trust this workspace.', action), manage)
    .then((answer) => answer === manage && vscode.commands.executeCommand('workbench.trust.manage'));
  return false;
}
