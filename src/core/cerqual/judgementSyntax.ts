/**
 * The GRADE-CERQual lines of a codebook theme, each a paragraph or list item:
 *
 *     Finding: Peer workers are often treated as patients rather than colleagues.
 *     CERQual: moderate — minor concerns about adequacy and relevance.
 *     - Methodological limitations: minor concerns — two of six studies …
 *     - Coherence: no or very minor concerns — …
 *     - Adequacy: moderate concerns — …
 *     - Relevance: minor concerns — …
 *     - Judged on: 6 studies (garvey-2009, …); 18 segments (fingerprint 0a1b2c3d).
 *     Contrary: #work-stress
 *
 * A level the approach does not use is a located error; the rest of the line is kept.
 */
import type { CerqualComponent, ConcernLevel, ConfidenceLevel, StatedCount, TagOccurrence, TextSpan } from '../model';
import { normaliseCodeName, scanCodeName } from '../syntax/codeName';
import { findStatedCounts } from './statedCounts';

/** A block of the codebook as the parser sees it: its joined text and where it lies in the file. */
export interface JudgementBlock {
  /** The block's lines joined with `\n` (list marker and quote markers left out). */
  readonly text: string;
  /** A located span of the file from offsets in `text`. */
  span(start: number, end: number): TextSpan;
  /** The whole block, from the start of its first line (list marker included) to the end of its last. */
  readonly lines: TextSpan;
}

/** A problem of one line, before the parser adds the file's path. */
export interface LineProblem {
  readonly range: TextSpan;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

/** One GRADE-CERQual line of a theme. */
export type JudgementItem =
  | { readonly kind: 'finding'; readonly text: string; readonly range: TextSpan }
  | { readonly kind: 'overall'; readonly confidence?: ConfidenceLevel; readonly explanation: string; readonly range: TextSpan; readonly statedCounts: readonly StatedCount[] }
  | { readonly kind: 'component'; readonly component: CerqualComponent; readonly concern?: ConcernLevel; readonly explanation: string; readonly range: TextSpan; readonly statedCounts: readonly StatedCount[] }
  | { readonly kind: 'basis'; readonly studies?: readonly string[]; readonly segments?: number; readonly fingerprint?: string; readonly range: TextSpan }
  | { readonly kind: 'contrary'; readonly codes: readonly TagOccurrence[]; readonly range: TextSpan };

/** The component labels as the codebook writes them, in GRADE-CERQual's order. */
export const COMPONENT_LABELS: Readonly<Record<CerqualComponent, string>> = {
  'methodological-limitations': 'Methodological limitations',
  coherence: 'Coherence',
  adequacy: 'Adequacy',
  relevance: 'Relevance',
};

/** The components in GRADE-CERQual's order. */
export const COMPONENTS = Object.keys(COMPONENT_LABELS) as CerqualComponent[];

/** The concern levels, least first. */
export const CONCERN_LEVELS: readonly ConcernLevel[] = ['no or very minor', 'minor', 'moderate', 'serious'];

/** The confidence levels, highest first. */
export const CONFIDENCE_LEVELS: readonly ConfidenceLevel[] = ['high', 'moderate', 'low', 'very low'];

const FINDING = /^Finding\s*:\s*/i;
const OVERALL = /^CERQual\s*:\s*/i;
const COMPONENT = /^(Methodological limitations|Coherence|Adequacy(?: of data)?|Relevance)\s*:\s*/i;
const BASIS = /^Judged on\s*:\s*/i;
const CONTRARY = /^(?:Contrary|Disconfirming)(?: data| codes)?\s*:\s*/i;

/** A level, then `concern(s)`/`confidence`, then the separator before the explanation. */
const CONFIDENCE = /^(high|moderate|low|very low)(?:\s+confidence)?(?=$|[\s—–:;,.-])[\s—–:;,.-]*/i;
const CONCERN = /^(no or very minor|no|none|very minor|minor|moderate|serious)(?:\s+concerns?)?(?=$|[\s—–:;,.-])[\s—–:;,.-]*/i;
/** What was written where a level should be: up to the first separator. */
const WRITTEN_LEVEL = /^[^—–:;,.]*?(?=\s+[—–-]|[—–:;,.]|$)/;

/** Reads a GRADE-CERQual line; `undefined` when the block is not one (a description paragraph). */
export function readJudgementItem(block: JudgementBlock, problems: LineProblem[]): JudgementItem | undefined {
  const { text } = block;
  let label: RegExpExecArray | null;
  if ((label = FINDING.exec(text))) return { kind: 'finding', text: flatten(text.slice(label[0].length)), range: block.span(0, text.length) };
  if ((label = OVERALL.exec(text))) return readOverall(block, label[0].length, problems);
  if ((label = COMPONENT.exec(text))) return readComponent(block, componentOf(label[1]), label[0].length, problems);
  if ((label = BASIS.exec(text))) return readBasis(block, label[0].length, problems);
  if ((label = CONTRARY.exec(text))) return readContrary(block, label[0].length, problems);
  return undefined;
}

function readOverall(block: JudgementBlock, start: number, problems: LineProblem[]): JudgementItem {
  const rest = block.text.slice(start);
  const level = CONFIDENCE.exec(rest);
  const explanationStart = start + (level ? level[0].length : 0);
  if (!level) problems.push(unknownLevel(block, start, 'confidence', `write ${CONFIDENCE_LEVELS.join(', ')}, then — and the explanation`));
  const confidence = level ? (level[1].toLowerCase().replace(/\s+/g, ' ') as ConfidenceLevel) : undefined;
  return { kind: 'overall', confidence, ...explanation(block, level ? explanationStart : start), range: block.span(0, block.text.length) };
}

function readComponent(block: JudgementBlock, component: CerqualComponent, start: number, problems: LineProblem[]): JudgementItem {
  const rest = block.text.slice(start);
  const level = CONCERN.exec(rest);
  if (!level) problems.push(unknownLevel(block, start, `${COMPONENT_LABELS[component].toLowerCase()} concern`, `write ${CONCERN_LEVELS.join(', ')} concerns, then — and the explanation`));
  const concern = level ? concernOf(level[1]) : undefined;
  return { kind: 'component', component, concern, ...explanation(block, start + (level ? level[0].length : 0)), range: block.span(0, block.text.length) };
}

function explanation(block: JudgementBlock, start: number): { explanation: string; statedCounts: StatedCount[] } {
  return { explanation: flatten(block.text.slice(start)), statedCounts: findStatedCounts(block.text, start, block.text.length, block.span) };
}

/** `6 studies (a, b, c); 18 segments (fingerprint 0a1b2c3d).` */
function readBasis(block: JudgementBlock, start: number, problems: LineProblem[]): JudgementItem {
  const rest = flatten(block.text.slice(start));
  const range = block.span(0, block.text.length);
  const match = /^(\d+) stud(?:y|ies) \(([^)]*)\); (\d+) segments? \(fingerprint ([0-9a-f]{8})\)\.?$/.exec(rest);
  if (!match) {
    problems.push({ range, severity: 'warning', message: 'This `Judged on:` line cannot be read: record the judgement again (QualSynth: Record CERQual Judgement…), which rewrites it.' });
    return { kind: 'basis', range };
  }
  const studies = match[2].split(',').map((id) => id.trim()).filter(Boolean);
  if (studies.length !== Number(match[1])) problems.push({ range, severity: 'warning', message: `This \`Judged on:\` line says ${match[1]} studies but lists ${studies.length}: record the judgement again.` });
  return { kind: 'basis', studies: [...studies].sort(), segments: Number(match[3]), fingerprint: match[4], range };
}

/** `Contrary: #work-stress #recipient-reservations` */
function readContrary(block: JudgementBlock, start: number, problems: LineProblem[]): JudgementItem {
  const { text } = block;
  const codes: TagOccurrence[] = [];
  for (let offset = start; offset < text.length; offset++) {
    if (text.charCodeAt(offset) !== 35 /* # */ || (offset > 0 && /[\p{L}\p{N}_]/u.test(text[offset - 1]))) continue;
    const end = scanCodeName(text, offset + 1);
    if (end === offset + 1) continue;
    codes.push({ code: normaliseCodeName(text.slice(offset + 1, end)), range: block.span(offset, end) });
    offset = end - 1;
  }
  const range = block.span(0, text.length);
  if (codes.length === 0) problems.push({ range, severity: 'warning', message: 'This `Contrary:` line names no code: list the codes whose segments run against the finding, e.g. `Contrary: #work-stress`.' });
  return { kind: 'contrary', codes, range };
}

function unknownLevel(block: JudgementBlock, start: number, what: string, fix: string): LineProblem {
  const written = WRITTEN_LEVEL.exec(block.text.slice(start))?.[0].trim() ?? '';
  const range = written ? block.span(start, start + written.length) : block.span(0, block.text.length);
  return { range, severity: 'error', message: `${written ? `\`${written}\` is not a GRADE-CERQual ${what}` : `No GRADE-CERQual ${what} given`}: ${fix}.` };
}

function componentOf(label: string): CerqualComponent {
  const lower = label.toLowerCase();
  if (lower.startsWith('methodological')) return 'methodological-limitations';
  if (lower.startsWith('adequacy')) return 'adequacy';
  return lower as CerqualComponent;
}

function concernOf(level: string): ConcernLevel {
  const lower = level.toLowerCase();
  return lower === 'minor' || lower === 'moderate' || lower === 'serious' ? lower : 'no or very minor';
}

function flatten(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
