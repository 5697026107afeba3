/**
 * Writes a finding's GRADE-CERQual judgement into the codebook: the `CERQual:`
 * paragraph, the four components and the `Judged on:` line, replacing the lines of
 * any earlier judgement and touching nothing else; and the `Finding:` statement when
 * it changed. Researchers' text around the judgement stays byte-identical.
 */
import { samePath } from '../codebook';
import { COMPONENT_LABELS } from '../cerqual/judgementSyntax';
import { impliedStatement } from '../cerqual/themeJudgement';
import type { CerqualComponent, Codebook, ConcernLevel, ConfidenceLevel, TextSpan, Theme } from '../model';
import { findTheme } from './codebookEdits';
import type { TextEdit } from './textEdit';

/** A judgement as the team records it. */
export interface RecordedJudgement {
  /** The summary statement; written as a `Finding:` paragraph when it differs from the current one. */
  readonly statement?: string;
  readonly confidence: ConfidenceLevel;
  readonly explanation: string;
  readonly components: ReadonlyArray<{ readonly component: CerqualComponent; readonly concern: ConcernLevel; readonly explanation: string }>;
  /** What the judgement is made on (from the finding's evidence). */
  readonly basis: { readonly studies: readonly string[]; readonly segments: number; readonly fingerprint: string };
}

/** The lines of a recorded judgement, without line endings. */
export function judgementLines(judgement: RecordedJudgement): string[] {
  const { studies, segments, fingerprint } = judgement.basis;
  return [
    `CERQual: ${judgement.confidence}${sentence(judgement.explanation)}`,
    '',
    ...judgement.components.map((entry) => `- ${COMPONENT_LABELS[entry.component]}: ${entry.concern} concerns${sentence(entry.explanation)}`),
    `- Judged on: ${studies.length} ${studies.length === 1 ? 'study' : 'studies'} (${studies.join(', ')}); ${segments} ${segments === 1 ? 'segment' : 'segments'} (fingerprint ${fingerprint}).`,
  ];
}

/** ` — explanation` with its white space folded, or nothing. */
function sentence(explanation: string): string {
  const flat = explanation.replace(/\s+/g, ' ').trim();
  return flat ? ` — ${flat}` : '';
}

/** The edits that record `judgement` for the theme at `themePath`; throws when there is no such theme. */
export function recordJudgementEdits(codebook: Codebook, text: string, themePath: readonly string[], judgement: RecordedJudgement): TextEdit[] {
  const theme = findTheme(codebook, themePath);
  if (!theme) throw new Error(`There is no theme ${themePath.join(' › ')} in ${codebook.path}.`);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = judgementLines(judgement).join(eol);
  const edit = (start: number, end: number, newText: string): TextEdit => ({ path: codebook.path, start, end, newText });
  const edits: TextEdit[] = [];
  const runs = blockRuns(text, theme.cerqual?.blocks ?? []);
  let statementAt: number;
  if (runs.length > 0) {
    edits.push(edit(runs[0].start, runs[0].end, block));
    for (const run of runs.slice(1)) edits.push(edit(run.start, lineAfter(text, run.end, /\n[ \t]*\r?\n$/.test(text.slice(0, run.start))), ''));
    statementAt = runs[0].start;
  } else {
    const at = insertionPoint(codebook, theme);
    edits.push(edit(at, at, spaced(text, at, block, eol)));
    statementAt = at;
  }
  const statement = judgement.statement?.replace(/\s+/g, ' ').trim();
  const current = theme.finding?.text ?? impliedStatement(theme.title, theme.description.split('\n\n')[0]).text;
  if (statement && statement !== current) {
    const paragraph = theme.finding?.source === 'paragraph' ? theme.finding.range : undefined;
    if (paragraph) edits.push(edit(paragraph.start, paragraph.end, `Finding: ${statement}`));
    else if (runs.length > 0) edits.push(edit(statementAt, statementAt, `Finding: ${statement}${eol}${eol}`));
    else edits[0] = { ...edits[0], newText: edits[0].newText.replace(block, `Finding: ${statement}${eol}${eol}${block}`) };
  }
  return edits;
}

/** Runs of judgement blocks separated only by white space, as [start, end) of whole lines (no final line break). */
function blockRuns(text: string, blocks: readonly TextSpan[]): Array<{ start: number; end: number }> {
  const runs: Array<{ start: number; end: number }> = [];
  for (const block of [...blocks].sort((a, b) => a.start - b.start)) {
    const last = runs[runs.length - 1];
    if (last && /^\s*$/.test(text.slice(last.end, block.start))) last.end = block.end;
    else runs.push({ start: block.start, end: block.end });
  }
  return runs;
}

/**
 * The offset after the line break that ends the line at `end`, and past one blank line
 * after it when `dropBlank` and the line before the run is blank too (so removing a
 * run leaves one blank line, not two).
 */
function lineAfter(text: string, end: number, dropBlank: boolean): number {
  let offset = text.indexOf('\n', end);
  if (offset < 0) return text.length;
  offset++;
  if (dropBlank) {
    const next = /^[ \t]*\r?\n/.exec(text.slice(offset));
    if (next) offset += next[0].length;
  }
  return offset;
}

/** Before the theme's first own code definition, else before its first sub-theme, else at the end of its section. */
function insertionPoint(codebook: Codebook, theme: Theme): number {
  const definition = codebook.definitions.find((entry) => samePath(entry.themePath, theme.path));
  if (definition) return definition.lineRange.start;
  return theme.children.length > 0 ? theme.children[0].range.start : theme.sectionRange.end;
}

/** `block` with the line breaks that set it apart as its own paragraphs at `offset` (a line start, or the end). */
function spaced(text: string, offset: number, block: string, eol: string): string {
  const atEnd = offset === text.length;
  const before = text.slice(0, offset);
  if (atEnd && before !== '' && !before.endsWith('\n')) return `${eol}${eol}${block}${eol}`;
  const blankBefore = before === '' || /\n[ \t]*\r?\n$/.test(before) || /^[ \t]*\r?\n$/.test(before);
  return `${blankBefore ? '' : eol}${block}${eol}${atEnd ? '' : eol}`;
}
