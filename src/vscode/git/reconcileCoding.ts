import * as vscode from 'vscode';
import { type Disagreement, editsBetween, type ReconcileChoice, reconcileReview, type Review, type ReviewVersion } from '../../core';
import { loadReconciliation, type Reconciliation } from '../../node/git/reconcileSources';
import { toWorkspaceEdit } from '../convert';
import { applyIfUnchanged, currentTexts } from '../reviewTexts';
import { showingErrors } from '../reviewCommand';
import type { ReviewSession } from '../reviewSession';
import { pickRevisions, reviewFolder } from './gitCommands';

/** What `Reconcile Coding…` did (returned for tests and scripts). */
export interface ReconcileResult {
  readonly applied: readonly string[];
  readonly missing: readonly string[];
  readonly changed: readonly string[];
}

/**
 * "QualSynth: Reconcile Coding…": the disagreements of two coders' branches (the
 * agreement list, block unit), one at a time with both coders' codes; the team accepts
 * one side, both or neither (or skips). The choices become ONE workspace edit of the
 * studies on the current branch (one undo reverts it), left unsaved for review.
 * Tests and scripts can pass the two coders and the choices by id to skip the pickers.
 */
export function registerReconcileCoding(session: ReviewSession): vscode.Disposable {
  return vscode.commands.registerCommand('qualsynth.reconcileCoding', async (sources?: [string, string], choices?: Record<string, ReconcileChoice>): Promise<ReconcileResult | undefined> => {
    const dir = await reviewFolder(session, vscode.l10n.t('Reconciling coding'));
    const review = await session.current();
    const root = session.root;
    if (!dir || !review || !root) return undefined;
    const coders = sources ?? (await pickRevisions(dir));
    if (!coders || coders.length !== 2) {
      if (coders) void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: pick exactly two revisions, one per coder.'));
      return undefined;
    }
    return showingErrors(async () => {
      const reconciliation = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('QualSynth: comparing {0} and {1}…', coders[0], coders[1]) }, () => loadReconciliation([coders[0], coders[1]], dir, dir));
      if (reconciliation.report.disagreements.length === 0) {
        void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: {0} and {1} coded every passage they share alike: nothing to reconcile.', coders[0], coders[1]));
        return { applied: [], missing: [], changed: [] };
      }
      const decided = choices ? new Map(Object.entries(choices)) : await askChoices(reconciliation);
      if (!decided || decided.size === 0) return undefined;
      return applyChoices(review, root, reconciliation, decided);
    });
  });
}

/** One quick pick per disagreement; Escape cancels the whole reconciliation. */
async function askChoices(reconciliation: Reconciliation): Promise<Map<string, ReconcileChoice> | undefined> {
  const { disagreements, coders } = reconciliation.report;
  const decided = new Map<string, ReconcileChoice>();
  for (const [index, entry] of disagreements.entries()) {
    const picked = await vscode.window.showQuickPick(choiceItems(entry, coders), {
      title: vscode.l10n.t('Reconcile {0}/{1}: {2}, line {3}', index + 1, disagreements.length, entry.study, entry.line),
      placeHolder: entry.excerpt,
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    if (picked.choice) decided.set(entry.id, picked.choice);
  }
  return decided;
}

function choiceItems(entry: Disagreement, coders: readonly string[]): Array<vscode.QuickPickItem & { choice?: ReconcileChoice }> {
  const codes = (list: readonly string[] | null | undefined): string => (!list ? vscode.l10n.t('(passage not in this version)') : list.length === 0 ? vscode.l10n.t('(no code)') : list.map((code) => `#${code}`).join(' '));
  const union = [...new Set([...(entry.byCoder[0] ?? []), ...(entry.byCoder[1] ?? [])])];
  const kept = union.filter((code) => !entry.codes.includes(code));
  return [
    { label: `$(person) ${coders[0]}`, description: codes(entry.byCoder[0]), choice: 'first' },
    { label: `$(person) ${coders[1]}`, description: codes(entry.byCoder[1]), choice: 'second' },
    { label: `$(check-all) ${vscode.l10n.t('Both')}`, description: codes(union), choice: 'both' },
    { label: `$(circle-slash) ${vscode.l10n.t('Neither')}`, description: codes(kept), choice: 'neither' },
    { label: `$(debug-step-over) ${vscode.l10n.t('Skip')}`, description: vscode.l10n.t('decide later') },
  ];
}

/** The choices as one workspace edit of the current studies. */
async function applyChoices(review: Review, root: vscode.Uri, reconciliation: Reconciliation, choices: ReadonlyMap<string, ReconcileChoice>): Promise<ReconcileResult> {
  const studies = review.index.studies();
  const texts = await currentTexts(root, studies.map((study) => study.path));
  const current: ReviewVersion = new Map(studies.map((study) => [study.id, { path: study.path, text: texts.get(study.path)! }]));
  const outcome = reconcileReview(reconciliation.report, current, reconciliation.coders, choices);
  const edits = [...outcome.texts].flatMap(([path, text]) => editsBetween(path, texts.get(path)!, text));
  if (edits.length > 0 && !(await applyIfUnchanged(root, toWorkspaceEdit(root, edits, texts), texts))) return { applied: [], missing: outcome.missing, changed: [] };
  if (outcome.missing.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('QualSynth: {0} passages are not in this branch\'s version (their text differs) and were left as they are.', outcome.missing.length));
  return { applied: outcome.applied, missing: outcome.missing, changed: [...outcome.texts.keys()] };
}
