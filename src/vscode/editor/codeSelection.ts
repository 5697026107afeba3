import * as vscode from 'vscode';
import { adjustmentMessage, CodeSelectionError, codingEdits, type CodingPlan, inVivoName, planSelections, removeTagEdits, type Review, segmentAt, type Study, type TagOccurrence } from '../../core';
import { toWorkspaceEdit } from '../convert';
import type { ReviewSession } from '../reviewSession';
import { requireTrust } from '../trust';
import { pickCoding, type PickedCoding } from '../codePicker';
import { ADD_TO_CODEBOOK_COMMAND } from './quickFix';
import type { RecentCodes } from './recentCodes';
import { applyIfUnchanged } from '../reviewTexts';

/** Id of the command (context menu, keybinding, palette). */
export const CODE_SELECTION_COMMAND = 'qualsynth.codeSelection';
/** Applies the code used last to the selection, in one keystroke. */
export const RECENT_CODE_COMMAND = 'qualsynth.codeWithRecentCode';
/** Codes the selection with a new code named after its words. */
export const IN_VIVO_COMMAND = 'qualsynth.codeInVivo';

/** The study in the active editor, as its buffer is now. */
interface Current {
  readonly editor: vscode.TextEditor;
  readonly review: Review;
  readonly path: string;
  readonly study: Study;
  /** The buffer's text when the command started: plans and edits are made on it. */
  readonly text: string;
}

/**
 * Code Selection…, Code with Recent Code and Code In Vivo: each plans where the
 * selections can be coded (refusing, with the reason, where no coding can be, and
 * snapping a selection that cuts a span), then codes every selection in one undoable
 * edit. With an empty selection inside a span, the codes go to that span. Tests and
 * scripts may pass the codes to skip the picker.
 */
export function registerCodeSelection(session: ReviewSession, recent: RecentCodes): vscode.Disposable[] {
  const coder = new SelectionCoder(session, recent);
  return [
    vscode.commands.registerCommand(CODE_SELECTION_COMMAND, async (givenCodes?: string[]) => {
      const current = await currentStudy(session, vscode.l10n.t('Coding a selection'));
      const plan = current && planOrExplain(current);
      if (!current || !plan) return;
      const picked = Array.isArray(givenCodes) ? ({ kind: 'codes', codes: givenCodes } as const) : await pickCoding(current.review.index, pickerOptions(current, plan, recent));
      if (picked) await coder.apply(current, plan, picked);
    }),
    vscode.commands.registerCommand(RECENT_CODE_COMMAND, async () => {
      const current = await currentStudy(session, vscode.l10n.t('Coding a selection'));
      const plan = current && planOrExplain(current);
      if (!current || !plan) return;
      const last = recent.codes[0];
      if (!last) return void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: no code applied yet in this workspace; use Code Selection… first.'));
      await coder.apply(current, plan, { kind: 'codes', codes: [last] });
    }),
    vscode.commands.registerCommand(IN_VIVO_COMMAND, async () => {
      const current = await currentStudy(session, vscode.l10n.t('Coding a selection'));
      if (!current) return;
      if (current.editor.selections.length > 1) return void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: in-vivo coding names the code after one passage: select just one.'));
      const plan = planOrExplain(current);
      const name = plan && inVivoOf(current, plan);
      if (!plan) return;
      if (!name) return void vscode.window.showWarningMessage(vscode.l10n.t('QualSynth: the selected words hold no letter to name a code after.'));
      await coder.apply(current, plan, { kind: 'codes', codes: [name] });
    }),
  ];
}

/** Applies a picked coding to the active study and tells the researcher what happened. */
class SelectionCoder {
  constructor(private readonly session: ReviewSession, private readonly recent: RecentCodes) {}

  async apply(current: Current, plan: CodingPlan, picked: PickedCoding): Promise<void> {
    if (picked.kind === 'remove') return this.remove(current, picked.tag);
    const text = current.text;
    const known = new Set(current.review.index.codes().map((code) => code.name));
    let edits;
    try {
      edits = codingEdits(plan, text, picked.codes);
    } catch (error) {
      if (!(error instanceof CodeSelectionError)) throw error;
      return void vscode.window.showWarningMessage(vscode.l10n.t('QualSynth: {0}', error.message));
    }
    if (edits.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: the passage already has {0}.', picked.codes.map((code) => `#${code}`).join(' ')));
    const texts = new Map([[current.path, text]]);
    if (!(await applyIfUnchanged(this.session.root!, toWorkspaceEdit(this.session.root!, edits, texts), texts))) return;
    await this.recent.use(picked.codes);
    const adjusted = plan.targets.map(adjustmentMessage).find((message) => message !== undefined);
    if (adjusted) void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: {0}', adjusted));
    const fresh = picked.codes.filter((code) => !known.has(code));
    if (fresh.length > 0) void confirmNewCodes(fresh);
  }

  private async remove(current: Current, tag: TagOccurrence): Promise<void> {
    const text = current.text;
    const texts = new Map([[current.path, text]]);
    await applyIfUnchanged(this.session.root!, toWorkspaceEdit(this.session.root!, removeTagEdits(current.study, text, tag), texts), texts);
  }
}

/** One line for new codes: where they were filed, and a button to put them in the codebook. */
async function confirmNewCodes(codes: readonly string[]): Promise<void> {
  const names = codes.map((code) => `#${code}`).join(', ');
  const file = vscode.l10n.t('Add to Codebook…');
  const message =
    codes.length === 1
      ? vscode.l10n.t('QualSynth: new code {0}, filed under Uncategorised codes in the Themes view until the codebook defines it.', names)
      : vscode.l10n.t('QualSynth: new codes {0}, filed under Uncategorised codes in the Themes view until the codebook defines them.', names);
  if ((await vscode.window.showInformationMessage(message, file)) === file) {
    for (const code of codes) if (!(await vscode.commands.executeCommand<boolean>(ADD_TO_CODEBOOK_COMMAND, code))) break;
  }
}

/** The active study editor, or `undefined` after saying why there is none. */
async function currentStudy(session: ReviewSession, action: string): Promise<Current | undefined> {
  if (!requireTrust(action)) return undefined;
  const editor = vscode.window.activeTextEditor;
  const found = editor && (await session.studyOf(editor.document));
  if (!editor || !found) {
    void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: open a study file of the review to code a passage.'));
    return undefined;
  }
  return { editor, ...found, text: editor.document.getText() };
}

/**
 * Where the selections will be coded: each selection, or with an empty one the span
 * under the cursor. `undefined` after a message saying why nothing can be coded.
 */
function planOrExplain(current: Current): CodingPlan | undefined {
  const { editor, study, text } = current;
  const document = editor.document;
  const selections = editor.selections.filter((selection) => !selection.isEmpty);
  try {
    if (selections.length > 0) return planSelections(current.path, text, selections.map((selection) => ({ start: document.offsetAt(selection.start), end: document.offsetAt(selection.end) })));
    const under = segmentAt(study, document.offsetAt(editor.selection.active));
    if (under?.kind === 'span') return planSelections(current.path, text, [{ start: under.range.start, end: under.range.end }]);
    void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: select the passage to code first (or put the cursor in a span to add codes to it).'));
  } catch (error) {
    if (!(error instanceof CodeSelectionError)) throw error;
    void vscode.window.showWarningMessage(vscode.l10n.t('QualSynth: {0}', error.message));
  }
  return undefined;
}

/** The picker's title, in-vivo name and removable tags for the active study and plan. */
function pickerOptions(current: Current, plan: CodingPlan, recent: RecentCodes): Parameters<typeof pickCoding>[1] {
  const count = plan.targets.length;
  const title = count > 1 && current.editor.selections.length === 1 ? vscode.l10n.t('Code Selection — the selection crosses {0} blocks: one span per block', count) : vscode.l10n.t('Code Selection');
  const under = segmentAt(current.study, current.editor.document.offsetAt(current.editor.selection.active));
  const removable = under ? distinctByCode(under.tags) : [];
  return { title, recent: recent.codes, inVivo: current.editor.selection.isEmpty ? undefined : inVivoOf(current, plan), removable };
}

/** The in-vivo name of the plan's passages (the words that will be coded). */
function inVivoOf(current: Current, plan: CodingPlan): string | undefined {
  return inVivoName(plan.targets.map((target) => current.text.slice(target.start, target.end)).join(' '));
}

function distinctByCode(tags: readonly TagOccurrence[]): TagOccurrence[] {
  return tags.filter((tag, index) => tags.findIndex((other) => other.code === tag.code) === index);
}
