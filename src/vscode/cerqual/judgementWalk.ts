/**
 * The walk of "Record CERQual Judgement…": the summary statement, then each component's
 * concern and explanation with the data of the coding at hand, then the overall
 * confidence and its explanation. Every step is a picker or an input box, so it goes
 * by keyboard; Escape at any step ends the walk without an edit.
 */
import * as vscode from 'vscode';
import { type CerqualComponent, COMPONENT_LABELS, type ComponentData, COMPONENTS, CONCERN_LEVELS, CONCERN_MEANINGS, type ConcernLevel, concernSummary, concernWords, CONFIDENCE_LEVELS, CONFIDENCE_MEANINGS, type ConfidenceLevel, confidenceWords, type RecordedJudgement, type Theme } from '../../core';

/** What the walk needs to know of the finding. */
export interface WalkContext {
  readonly theme: Theme;
  /** The statement shown first: the `Finding:` paragraph, else the first sentence of the description. */
  readonly statement: string;
  readonly data: ComponentData;
  /** "6 studies · 18 segments (8 first-order) · 118 participants". */
  readonly summary: string;
}

/** Steps: the statement, a concern and an explanation per component, the confidence and its explanation. */
const STEPS = 1 + COMPONENTS.length * 2 + 2;

/** Walks the team through the judgement; `undefined` when cancelled. */
export async function walkJudgement(context: WalkContext): Promise<Omit<RecordedJudgement, 'basis'> | undefined> {
  const { theme } = context;
  let step = 0;
  const title = (what: string): string => vscode.l10n.t('Record CERQual Judgement: {0} — {1} ({2}/{3})', theme.title, what, ++step, STEPS);
  const statement = await ask(title(vscode.l10n.t('summary of the review finding')), context.statement, vscode.l10n.t('The summary statement the Summary of Qualitative Findings lists. {0}.', context.summary));
  if (statement === undefined) return undefined;
  const components: Array<{ component: CerqualComponent; concern: ConcernLevel; explanation: string }> = [];
  for (const component of COMPONENTS) {
    const recorded = theme.cerqual?.components.find((entry) => entry.component === component);
    const data = context.data[component];
    const concern = await pickLevel(title(COMPONENT_LABELS[component]), CONCERN_LEVELS.map((level) => ({ level, label: concernWords(level), detail: CONCERN_MEANINGS[level] })), recorded?.concern, data);
    if (!concern) return undefined;
    const explanation = await ask(title(vscode.l10n.t('{0}: why {1}', COMPONENT_LABELS[component], concernWords(concern).toLowerCase())), recorded?.explanation || data[0] || '', data.join(' '));
    if (explanation === undefined) return undefined;
    components.push({ component, concern, explanation });
  }
  const judged = concernSummary(components);
  // GRADE-CERQual starts every finding at high confidence and rates it down for the concerns.
  const confidenceLevels = CONFIDENCE_LEVELS.map((level) => ({ level, label: confidenceWords(level), detail: CONFIDENCE_MEANINGS[level] }));
  const recordedConfidence = theme.cerqual?.confidence;
  const confidence = await pickLevel(title(vscode.l10n.t('overall confidence')), confidenceLevels, recordedConfidence, [vscode.l10n.t('Start from high confidence and rate down for: {0}', judged)], recordedConfidence ?? 'high');
  if (!confidence) return undefined;
  const explanation = await ask(title(vscode.l10n.t('why {0}', confidenceWords(confidence).toLowerCase())), theme.cerqual?.explanation || judged, judged);
  if (explanation === undefined) return undefined;
  return { statement, confidence, explanation, components };
}

interface LevelItem<T> extends vscode.QuickPickItem {
  readonly level?: T;
}

/**
 * A level from a picker: the levels first (the recorded one marked, `active` highlighted),
 * then the data as rows to read; accepting a data row keeps the picker open.
 */
function pickLevel<T extends ConcernLevel | ConfidenceLevel>(title: string, levels: ReadonlyArray<{ level: T; label: string; detail: string }>, recorded: T | undefined, data: readonly string[], active = recorded ?? levels[0].level): Promise<T | undefined> {
  const picker = vscode.window.createQuickPick<LevelItem<T>>();
  const levelItems: Array<LevelItem<T>> = levels.map(({ level, label, detail }) => ({ level, label, detail, description: level === recorded ? vscode.l10n.t('recorded') : undefined }));
  const dataItems: Array<LevelItem<T>> = data.map((line) => ({ label: `$(info) ${line}`, alwaysShow: true }));
  picker.title = title;
  picker.placeholder = vscode.l10n.t('Choose the level; the data from the coding are listed below it.');
  picker.items = [...levelItems, { label: vscode.l10n.t('Data from the coding'), kind: vscode.QuickPickItemKind.Separator }, ...dataItems];
  picker.activeItems = levelItems.filter((item) => item.level === active);
  picker.ignoreFocusOut = true;
  return new Promise((resolve) => {
    picker.onDidAccept(() => {
      const level = picker.selectedItems[0]?.level;
      if (level === undefined) return;
      resolve(level);
      picker.hide();
    });
    picker.onDidHide(() => {
      resolve(undefined);
      picker.dispose();
    });
    picker.show();
  });
}

/** A line of text from an input box, prefilled; an explanation may not be empty. */
function ask(title: string, value: string, prompt: string): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title,
    value,
    prompt,
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() ? undefined : vscode.l10n.t('GRADE-CERQual asks for an explanation of every judgement.')),
  });
}
