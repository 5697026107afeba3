import * as vscode from 'vscode';
import { decodeText, type LoadEngines, planStudies, type StudiesPlan, studyFolder } from '../../core';
import { toUri } from '../convert';
import { registerReviewCommand } from '../reviewCommand';
import type { ReviewSession } from '../reviewSession';
import { requireTrust } from '../trust';

/** Id of the command. */
export const NEW_STUDIES_FROM_REFERENCES_COMMAND = 'qualsynth.newStudiesFromReferences';

/**
 * `QualSynth: New Studies from References…` picks a RIS, BibTeX or CSL-JSON export (or
 * takes its URI) and creates one study file per new record in one undoable workspace
 * edit, then says what was created and skipped. Returns the plan.
 */
export function registerNewStudiesFromReferences(session: ReviewSession, loadEngines: LoadEngines): vscode.Disposable {
  return registerReviewCommand(session, NEW_STUDIES_FROM_REFERENCES_COMMAND, async (review, root, target): Promise<StudiesPlan | undefined> => {
    if (!requireTrust(vscode.l10n.t('Creating studies'))) return undefined;
    const file = target instanceof vscode.Uri ? target : await pickReferences(root);
    if (!file) return undefined;
    const decoded = decodeText(await vscode.workspace.fs.readFile(file));
    if (!decoded.ok) throw new Error(vscode.l10n.t('{0} {1}.', file.fsPath, decoded.reason));
    const engines = await loadEngines();
    const format = engines.bibliographyFormat(file.path, decoded.text);
    if (!format) throw new Error(vscode.l10n.t('{0} is not RIS, BibTeX or CSL-JSON: export the references as .ris, .bib or .json.', file.fsPath));
    const parsed = engines.parseBibliography(decoded.text, format);
    if (parsed.items.length === 0) throw new Error(vscode.l10n.t('no records read from {0}.', file.fsPath));
    const plan = planStudies(parsed.items, review.index.studies(), studyFolder(review.config.studies));
    if (plan.created.length > 0) {
      const edit = new vscode.WorkspaceEdit();
      for (const study of plan.created) edit.createFile(toUri(root, study.path), { contents: new TextEncoder().encode(study.text), ignoreIfExists: true });
      if (!(await vscode.workspace.applyEdit(edit))) throw new Error(vscode.l10n.t('the study files could not be created.'));
    }
    const skipped = plan.skipped.map((record) => `${record.label} (${record.reason})`).join('; ');
    const message = plan.skipped.length > 0
      ? vscode.l10n.t('QualSynth: created {0} studies from {1} records; skipped {2}: {3}', plan.created.length, parsed.items.length, plan.skipped.length, skipped)
      : vscode.l10n.t('QualSynth: created {0} studies from {1} records.', plan.created.length, parsed.items.length);
    void vscode.window.showInformationMessage(message);
    if (plan.created[0]) await vscode.window.showTextDocument(toUri(root, plan.created[0].path), { preview: true });
    return plan;
  });
}

async function pickReferences(root: vscode.Uri): Promise<vscode.Uri | undefined> {
  const [picked] =
    (await vscode.window.showOpenDialog({
      canSelectFiles: true,
      canSelectMany: false,
      defaultUri: root,
      openLabel: vscode.l10n.t('Create Studies'),
      filters: { [vscode.l10n.t('References (RIS, BibTeX, CSL-JSON)')]: ['ris', 'bib', 'json', 'txt'] },
    })) ?? [];
  return picked;
}
