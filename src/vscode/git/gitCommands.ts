import * as vscode from 'vscode';
import { type AgreementReport, type CodingDiff, renderAgreementMarkdown, renderDiffMarkdown } from '../../core';
import { agreementOfSources, diffRevisions, listRevisions, type RevisionChoice } from '../../node/git';
import { showingErrors } from '../reviewCommand';
import type { ReviewSession } from '../reviewSession';
import { requireTrust } from '../trust';
import { passageLink, type CodingResultPanel } from './codingResultPanel';

const KIND_ICON: Record<RevisionChoice['kind'], string> = { branch: '$(git-branch)', remote: '$(cloud)', tag: '$(tag)', commit: '$(git-commit)' };

/**
 * `Compare Coding with Revision…` and `Inter-coder Agreement…`: both read revisions
 * through the system git (never a shell) and show their result, rendered, in the one
 * coding-result panel beside the editor (Markdown by "Open as Markdown"). Tests and
 * scripts can pass the revisions as arguments to skip the pickers; the commands then
 * also return the JSON result.
 */
export function registerGitCommands(session: ReviewSession, results: CodingResultPanel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('qualsynth.compareWithRevision', async (revision?: string, other?: string): Promise<CodingDiff | undefined> => {
      const dir = await reviewFolder(session);
      if (!dir) return undefined;
      const from = revision ?? (await pickRevision(dir, vscode.l10n.t('Compare the coding in the working tree with…')));
      if (!from) return undefined;
      return showingErrors(async () => {
        const diff = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('QualSynth: comparing coding with {0}…', from) }, () => diffRevisions(dir, from, other));
        results.show({ title: vscode.l10n.t('Coding changes since {0}', from), markdown: renderDiffMarkdown(diff, { collapsible: false, passageLink }) });
        return diff;
      });
    }),
    vscode.commands.registerCommand('qualsynth.interCoderAgreement', async (sources?: string[], unit?: 'block' | 'char'): Promise<AgreementReport | undefined> => {
      const dir = await reviewFolder(session);
      if (!dir) return undefined;
      const chosen = sources ?? (await pickRevisions(dir));
      if (!chosen || chosen.length < 2) return undefined;
      const chosenUnit = unit ?? (await pickUnit());
      if (!chosenUnit) return undefined;
      return showingErrors(async () => {
        const report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('QualSynth: computing agreement…') }, () => agreementOfSources(chosen, { reviewDir: dir, unit: chosenUnit, cwd: dir }));
        results.show({ title: vscode.l10n.t('Inter-coder agreement'), markdown: renderAgreementMarkdown(report, { collapsible: false, passageLink }) });
        return report;
      });
    }),
  ];
}

/** The review folder on disk, or `undefined` (with a message) when git cannot reach it. */
export async function reviewFolder(session: ReviewSession, action = vscode.l10n.t('Reading git revisions')): Promise<string | undefined> {
  if (!requireTrust(action)) return undefined;
  const review = await session.current();
  const root = session.root;
  if (!review || !root) {
    void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: no review is open.'));
    return undefined;
  }
  if (root.scheme !== 'file') {
    void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: comparing revisions needs a review on disk with git; this one is on {0}.', root.scheme));
    return undefined;
  }
  return root.fsPath;
}

async function revisionItems(dir: string): Promise<Array<vscode.QuickPickItem & { name: string }>> {
  const revisions = await listRevisions(dir).catch((error: Error) => {
    void vscode.window.showErrorMessage(vscode.l10n.t('QualSynth: {0}', error.message));
    return [] as RevisionChoice[];
  });
  return revisions.map((revision) => ({ label: `${KIND_ICON[revision.kind]} ${revision.name}`, description: revision.detail, name: revision.name }));
}

async function pickRevision(dir: string, placeHolder: string): Promise<string | undefined> {
  const items = await revisionItems(dir);
  return (await vscode.window.showQuickPick([{ label: '$(git-commit) HEAD', description: vscode.l10n.t('the last commit'), name: 'HEAD' }, ...items], { placeHolder, matchOnDescription: true }))?.name;
}

/** Two or more revisions, one per coder (a multi-select quick pick). */
export async function pickRevisions(dir: string): Promise<string[] | undefined> {
  const picked = await vscode.window.showQuickPick(await revisionItems(dir), { canPickMany: true, placeHolder: vscode.l10n.t("Each coder's branch (two or more)"), matchOnDescription: true });
  if (picked && picked.length < 2) void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: pick at least two revisions, one per coder.'));
  return picked?.map((item) => item.name);
}

async function pickUnit(): Promise<'block' | 'char' | undefined> {
  const items = [
    { label: vscode.l10n.t('Blocks'), description: vscode.l10n.t('paragraphs, list items, quote paragraphs (default)'), unit: 'block' as const },
    { label: vscode.l10n.t('Characters'), description: vscode.l10n.t('character-level overlap'), unit: 'char' as const },
  ];
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Unit of analysis') }))?.unit;
}
