import * as vscode from 'vscode';
import type { DriverProgram } from '../../core';
import { applyGitSetup, describePlan, planGitSetup, planIsDone } from '../../node/merge/setupGit';
import { showingErrors } from '../reviewCommand';
import type { ReviewSession } from '../reviewSession';
import { reviewFolder } from './gitCommands';

/**
 * "QualSynth: Set Up Team Merging": shows what `setup-git` would write (a read-only
 * document beside the editor and a choice to write it or not), then writes it. The
 * driver line runs the CLI bundled with this extension, with the extension host's own
 * Node (Electron run as Node in desktop VS Code).
 */
export function registerTeamMerging(session: ReviewSession, extensionUri: vscode.Uri): vscode.Disposable {
  return vscode.commands.registerCommand('qualsynth.setupTeamMerging', async (): Promise<boolean | undefined> => {
    const dir = await reviewFolder(session, vscode.l10n.t('Setting up team merging'));
    if (!dir) return undefined;
    return showingErrors(async () => {
      const plan = await planGitSetup(dir, bundledProgram(extensionUri));
      if (planIsDone(plan)) {
        void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: team merging is already set up for this review.'));
        return true;
      }
      const document = await vscode.workspace.openTextDocument({ content: planText(describePlan(plan)), language: 'markdown' });
      await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
      const write = vscode.l10n.t('Write these settings');
      const picked = await vscode.window.showQuickPick([{ label: `$(check) ${write}`, write: true }, { label: `$(close) ${vscode.l10n.t('Cancel')}`, write: false }], {
        placeHolder: vscode.l10n.t('Register the QualSynth merge driver: .gitattributes and .git/config (shown beside)'),
      });
      if (!picked?.write) return false;
      await applyGitSetup(plan);
      void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: merges, rebases and cherry-picks now merge codings. Commit .gitattributes for the team; each clone runs this command (or `qualsynth setup-git`) once.'));
      return true;
    });
  });
}

/** The CLI bundled with the extension, run by the extension host's Node. */
function bundledProgram(extensionUri: vscode.Uri): DriverProgram {
  const script = vscode.Uri.joinPath(extensionUri, 'dist', 'cli.js').fsPath;
  return process.versions.electron ? { argv: [process.execPath], script, env: { ELECTRON_RUN_AS_NODE: '1' } } : { argv: [process.execPath], script };
}

function planText(plan: string): string {
  return ['# QualSynth: team merging', '', 'This is what will be written (nothing is written until you choose *Write these settings*):', '', '```', plan, '```', ''].join('\n');
}
