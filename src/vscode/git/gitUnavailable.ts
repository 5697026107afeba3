import * as vscode from 'vscode';

/** The commands that run the system git, with what each one does, for the message. */
const GIT_COMMANDS = {
  'qualsynth.compareWithRevision': () => vscode.l10n.t('Comparing coding with a revision'),
  'qualsynth.interCoderAgreement': () => vscode.l10n.t('Inter-coder agreement'),
  'qualsynth.reconcileCoding': () => vscode.l10n.t('Reconciling coding'),
  'qualsynth.setupTeamMerging': () => vscode.l10n.t('Setting up team merging'),
} as const;

/** The one line a git command shows in the browser. */
export function gitUnavailableMessage(action: string): string {
  return vscode.l10n.t('QualSynth: {0} needs git on this machine, which VS Code in the browser (vscode.dev, github.dev) does not have: open the review in desktop VS Code or a codespace.', action);
}

/**
 * The git commands of the web extension: each says in one line why it cannot run here
 * and returns `undefined`, instead of the "command not found" VS Code would show.
 */
export function registerGitUnavailable(): vscode.Disposable[] {
  return Object.entries(GIT_COMMANDS).map(([command, action]) =>
    vscode.commands.registerCommand(command, () => {
      void vscode.window.showInformationMessage(gitUnavailableMessage(action()));
      return undefined;
    }),
  );
}
