import * as vscode from 'vscode';
import { AUTOCODE_UNITS, autocodeEdits, AutocodeError, type AutocodePlan, type AutocodeUnit, FilterSyntaxError, LineIndex, parseFilter, SearchCorpus, type SearchHit, type SearchQuery, SearchQueryError } from '../../core';
import { toWorkspaceEdit } from '../convert';
import { pickCoding } from '../codePicker';
import { applyIfUnchanged, currentTexts } from '../reviewTexts';
import type { ReviewSession } from '../reviewSession';
import { requireTrust } from '../trust';
import { SEARCH_RESULTS_VIEW, SearchResultsProvider } from './searchResults';
import { ReaderTextsInBackground } from './readerTextsInBackground';
import { StudyTexts } from './studyTexts';

/** Command ids. */
export const SEARCH_STUDIES_COMMAND = 'qualsynth.searchStudies';
export const CODE_TICKED_HITS_COMMAND = 'qualsynth.codeTickedHits';
export const CODE_ALL_HITS_COMMAND = 'qualsynth.codeAllHits';

/** What tests and scripts may pass to the coding commands to skip the pickers (the confirmation stays). */
interface CodeHitsArguments {
  readonly codes?: readonly string[];
  readonly unit?: AutocodeUnit;
}

/** Passages the confirmation lists before "and N more". */
const PREVIEW_LINES = 6;

/**
 * "Search Studies…" (pattern, then options), the Search Results view with ticks, and
 * "Code Selected Hits…" / "Code All Hits…": codes, unit, then a confirmation with the
 * count and the first passages (a quick pick: VS Code refuses modal dialogs in its
 * test hosts, and Enter is how the rest of coding is confirmed) before one undoable
 * workspace edit.
 */
export function registerSearch(session: ReviewSession): { results: SearchResultsProvider; background: ReaderTextsInBackground; disposables: vscode.Disposable[] } {
  const texts = new StudyTexts(session);
  const corpus = new SearchCorpus();
  const results = new SearchResultsProvider(session, texts, corpus);
  const background = new ReaderTextsInBackground(session, texts, corpus);
  const view = vscode.window.createTreeView(SEARCH_RESULTS_VIEW, { treeDataProvider: results, manageCheckboxStateManually: true, showCollapseAll: true });
  const disposables: vscode.Disposable[] = [
    background,
    texts,
    results,
    view,
    view.onDidChangeCheckboxState((event) => results.setTicked(event.items.map(([node, state]) => [node, state === vscode.TreeItemCheckboxState.Checked] as const))),
    vscode.commands.registerCommand(SEARCH_STUDIES_COMMAND, async (given?: Partial<SearchQuery> & { pattern: string }) => {
      const query = given?.pattern ? { mode: 'words' as const, ...given } : await askQuery();
      if (!query) return undefined;
      try {
        const result = await results.search(query);
        if (!result) return void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: open a folder with a review to search its studies.'));
        view.message = searchMessage(query, result.hits.length, new Set(result.hits.map((hit) => hit.path)).size, result.studiesSearched, result.truncated);
        await vscode.commands.executeCommand(`${SEARCH_RESULTS_VIEW}.focus`);
        return result.hits.length;
      } catch (error) {
        if (!(error instanceof SearchQueryError)) throw error;
        return void vscode.window.showWarningMessage(vscode.l10n.t('QualSynth: {0}', error.message));
      }
    }),
    vscode.commands.registerCommand(CODE_TICKED_HITS_COMMAND, (given?: CodeHitsArguments) => codeHits(session, results, results.tickedHits(), given, vscode.l10n.t('Tick the hits to code in the Search Results view first, or use Code All Hits…'))),
    vscode.commands.registerCommand(CODE_ALL_HITS_COMMAND, (given?: CodeHitsArguments) => codeHits(session, results, results.allHits(), given, vscode.l10n.t('Search the studies first (QualSynth: Search Studies…).'))),
  ];
  return { results, background, disposables };
}

/** The pattern, then the options, as a person gives them; `undefined` when cancelled. */
async function askQuery(): Promise<SearchQuery | undefined> {
  const pattern = await vscode.window.showInputBox({ title: vscode.l10n.t('Search Studies'), prompt: vscode.l10n.t('Words to find (any of them); the options come next'), ignoreFocusOut: true });
  if (!pattern?.trim()) return undefined;
  const options = [
    { label: vscode.l10n.t('Phrase'), detail: vscode.l10n.t('The words in this order'), key: 'phrase' },
    { label: vscode.l10n.t('Regular expression'), detail: vscode.l10n.t('A JavaScript regular expression'), key: 'regex' },
    { label: vscode.l10n.t('Whole word'), key: 'wholeWord' },
    { label: vscode.l10n.t('Match case'), key: 'case' },
    { label: vscode.l10n.t('Only studies matching a filter…'), detail: 'perspective=recipients; year>=2005', key: 'filter' },
    { label: vscode.l10n.t('Only passages not coded with…'), key: 'notCoded' },
    { label: vscode.l10n.t('Mark hits already coded with…'), key: 'mark' },
  ];
  const picked = await vscode.window.showQuickPick(options, { title: vscode.l10n.t('Search Studies: options for “{0}” (Enter for none)', pattern), canPickMany: true, ignoreFocusOut: true });
  if (!picked) return undefined;
  const has = (key: string): boolean => picked.some((option) => option.key === key);
  let query: SearchQuery = { pattern, mode: has('regex') ? 'regex' : has('phrase') ? 'phrase' : 'words', wholeWord: has('wholeWord'), caseSensitive: has('case') };
  if (has('filter')) {
    const text = await vscode.window.showInputBox({ title: vscode.l10n.t('Only studies matching'), prompt: 'perspective=recipients; year>=2005', validateInput: filterProblem, ignoreFocusOut: true });
    if (text === undefined) return undefined;
    if (text.trim()) query = { ...query, filter: parseFilter(text) };
  }
  if (has('notCoded')) {
    const code = await vscode.window.showInputBox({ title: vscode.l10n.t('Only passages not coded with'), prompt: vscode.l10n.t('A code name, e.g. low-pay'), ignoreFocusOut: true });
    if (code === undefined) return undefined;
    if (code.trim()) query = { ...query, coded: { code: code.trim().replace(/^#/, ''), coded: false } };
  }
  if (has('mark')) {
    const codes = await vscode.window.showInputBox({ title: vscode.l10n.t('Mark hits already coded with'), prompt: vscode.l10n.t('Code names separated by spaces, e.g. low-pay'), ignoreFocusOut: true });
    if (codes === undefined) return undefined;
    const targetCodes = codes.split(/\s+/).map((code) => code.replace(/^#/, '')).filter((code) => code !== '');
    if (targetCodes.length > 0) query = { ...query, targetCodes };
  }
  return query;
}

function filterProblem(text: string): string | undefined {
  try {
    parseFilter(text);
    return undefined;
  } catch (error) {
    return error instanceof FilterSyntaxError ? error.message : String(error);
  }
}

function searchMessage(query: SearchQuery, hits: number, studies: number, searched: number, truncated: string | undefined): string {
  const found = vscode.l10n.t('{0} hits for “{1}” in {2} of {3} studies.', hits, query.pattern, studies, searched);
  return truncated ? `${found} ${vscode.l10n.t('The search stopped early ({0}): narrow it.', truncated === 'hits' ? vscode.l10n.t('too many hits') : vscode.l10n.t('out of time'))}` : found;
}

/** Codes `hits` after asking for the codes and unit (unless given) and confirming the count and preview. */
async function codeHits(session: ReviewSession, results: SearchResultsProvider, hits: readonly SearchHit[], given: CodeHitsArguments | undefined, none: string): Promise<number | undefined> {
  if (!requireTrust(vscode.l10n.t('Coding search hits'))) return undefined;
  const review = await session.current();
  const result = results.result;
  if (!review || !result || hits.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: {0}', none));
  const codes = given?.codes ?? (await pickCodes(review.index));
  if (!codes || codes.length === 0) return undefined;
  const unit = given?.unit ?? (await pickUnit());
  if (!unit) return undefined;
  const paths = [...new Set(hits.map((hit) => hit.path))];
  const texts = await currentTexts(session.root!, paths);
  let plan: AutocodePlan;
  try {
    plan = autocodeEdits(result, hits, texts, codes, unit);
  } catch (error) {
    if (!(error instanceof AutocodeError)) throw error;
    return void vscode.window.showWarningMessage(vscode.l10n.t('QualSynth: {0}', error.message));
  }
  const tags = codes.map((code) => `#${code}`).join(' ');
  if (plan.edits.length === 0) return void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: nothing to code: {0} hits already have {1}, {2} cannot be coded.', plan.alreadyCoded, tags, plan.skipped.length));
  if (!(await confirm(plan, hits, texts, tags, unit))) return undefined;
  if (!(await applyIfUnchanged(session.root!, toWorkspaceEdit(session.root!, plan.edits, texts), texts))) return undefined;
  await results.markCodedWith(codes);
  await results.settled();
  return plan.passages;
}

async function pickCodes(index: Parameters<typeof pickCoding>[0]): Promise<readonly string[] | undefined> {
  const picked = await pickCoding(index, { title: vscode.l10n.t('Code Hits — the code to apply'), recent: [], removable: [] });
  return picked?.kind === 'codes' ? picked.codes : undefined;
}

async function pickUnit(): Promise<AutocodeUnit | undefined> {
  const labels: Record<AutocodeUnit, string> = { match: vscode.l10n.t('The matched words'), sentence: vscode.l10n.t('The sentence around each hit'), block: vscode.l10n.t('The whole paragraph, list item or quote (a block tag)') };
  const picked = await vscode.window.showQuickPick(
    AUTOCODE_UNITS.map((unit) => ({ label: labels[unit], unit })),
    { title: vscode.l10n.t('Code Hits — what to code') },
  );
  return picked?.unit;
}

/** A row of the confirmation: the action, or a line of the preview. */
interface ConfirmRow extends vscode.QuickPickItem {
  readonly apply: boolean;
}

/**
 * The confirmation before coding, keyboard-first like the Code Selection picker: its
 * first row (highlighted, so Enter applies) says how many passages in how many
 * studies get which codes; below it, what is left alone and the first passages with
 * their places. Escape, or any other row, codes nothing.
 */
async function confirm(plan: AutocodePlan, hits: readonly SearchHit[], texts: ReadonlyMap<string, string>, tags: string, unit: AutocodeUnit): Promise<boolean> {
  const rows: ConfirmRow[] = [{ label: `$(check) ${vscode.l10n.t('Code {0} passages in {1} studies with {2} ({3})', plan.passages, plan.studies, tags, unit)}`, apply: true }];
  rows.push({ label: `$(close) ${vscode.l10n.t('Cancel')}`, apply: false });
  const notes: string[] = [];
  if (plan.alreadyCoded > 0) notes.push(vscode.l10n.t('{0} hits already coded are left as they are', plan.alreadyCoded));
  if (plan.skipped.length > 0) notes.push(vscode.l10n.t('{0} hits cannot be coded: {1}', plan.skipped.length, plan.skipped[0].reason));
  for (const note of notes) rows.push({ label: `$(info) ${note}`, apply: false });
  rows.push({ label: vscode.l10n.t('Passages'), kind: vscode.QuickPickItemKind.Separator, apply: false });
  const skipped = new Set(plan.skipped.map((skip) => skip.hit));
  const shown = hits.filter((hit) => !hit.alreadyCoded && !skipped.has(hit));
  const indexes = new Map<string, LineIndex>();
  for (const hit of shown.slice(0, PREVIEW_LINES)) {
    let index = indexes.get(hit.path);
    if (!index) indexes.set(hit.path, (index = new LineIndex(texts.get(hit.path) ?? '')));
    rows.push({ label: `…${hit.before.slice(-30)}[${hit.text}]${hit.after.slice(0, 30)}…`, description: `${hit.path}:${index.lineAt(hit.start) + 1}`, apply: false });
  }
  if (shown.length > PREVIEW_LINES) rows.push({ label: vscode.l10n.t('and {0} more', shown.length - PREVIEW_LINES), apply: false });
  const picked = await vscode.window.showQuickPick(rows, { title: vscode.l10n.t('Code Hits — confirm'), placeHolder: vscode.l10n.t('Enter codes the hits; Escape cancels'), matchOnDescription: false });
  return picked?.apply === true;
}
