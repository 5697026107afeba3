/**
 * Where a selection can be coded. A span `[…]{#code}` lies inside one block (a
 * paragraph, list item, heading or quote paragraph, as the tag scanner splits them) and
 * must keep every existing span's extent and every tag's passage as they are. A
 * selection that cuts through a span's brackets or braces is snapped to the nearest
 * range that does — extended to enclose the span, or shrunk inside it — and refused
 * with the reason when there is none; a selection in the front matter, in code or in
 * an HTML comment is refused with the reason; one that crosses blocks gives one passage
 * per block. Every passage is proven by coding it and reading the result back.
 */
import { readFrontMatter } from '../frontMatter';
import type { Segment, Study, TagOccurrence } from '../model';
import { parseStudy } from '../study';
import { splitBlocks } from '../syntax/blocks';
import { checkCoding } from './codingCheck';
import { FRONT_MATTER_REASON, hiddenReason, isMarkersOnly } from './hiddenText';
import type { TextEdit } from './textEdit';

/** Why a selection cannot be coded, in words for the user. */
export class CodeSelectionError extends Error {}

/** A piece of syntax a selection cut through: a span or a bare tag. */
export interface CutThrough {
  readonly start: number;
  readonly end: number;
  /** `the span [being treated as…]{#staff-prejudice}` or `the tag #tokenism`. */
  readonly description: string;
  /** `cut` when an edge of the selection fell inside it; `held` for a block tag the selection took in. */
  readonly how: 'cut' | 'held';
}

/** How a selection was changed so that it can be coded. */
export interface Adjustment {
  /** `extended` to enclose the syntax, `shrunk` inside it, or `moved` (one edge each way). */
  readonly kind: 'extended' | 'shrunk' | 'moved';
  readonly around: CutThrough;
}

/** One passage to code: a new span over [start, end), or the existing `span`. */
export interface CodingTarget {
  readonly start: number;
  readonly end: number;
  /** The existing span whose passage (or whole syntax) is the selection: its braces take the codes. */
  readonly span?: Segment;
  readonly adjustment?: Adjustment;
}

/** Where a selection will be coded. */
export interface CodingPlan {
  /** The study as read from the text the plan was made on. */
  readonly study: Study;
  /** One target per block the selection covers, in document order. */
  readonly targets: readonly CodingTarget[];
}

/** A range of the text in file offsets. */
interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** A block's content, and each line's content (container markers between them). */
interface BlockRange extends TextRange {
  readonly lines: ReadonlyArray<readonly [number, number]>;
}

/** A bare tag (not in braces) and the innermost span whose passage holds it. */
interface BareTag {
  readonly tag: TagOccurrence;
  readonly owner: Segment | undefined;
}

/** Any valid code name: the check codes with it before the real codes are chosen. */
const PROBE_CODE = 'qualsynth-probe';
/** Candidates tried (each one a parse of the study) before a selection is refused. */
const MAX_CHECKED_CANDIDATES = 8;

/**
 * Plans the coding of [start, end) of a study's text; throws `CodeSelectionError`
 * with the reason when it cannot be coded.
 */
export function planCoding(path: string, text: string, start: number, end: number): CodingPlan {
  return planInStudy(studyToCode(path, text), start, end);
}

/** A study read once for planning many passages (auto-coding plans one per search hit). */
export interface StudyToCode {
  readonly study: Study;
  readonly text: string;
  readonly bodyStart: number;
  readonly blocks: readonly BlockRange[];
  readonly syntax: readonly TextRange[];
}

/** Reads a study's text for `planInStudy`. */
export function studyToCode(path: string, text: string): StudyToCode {
  const study = parseStudy(path, text);
  const bodyStart = readFrontMatter(text).bodyStart;
  return { study, text, bodyStart, blocks: blockRanges(text, bodyStart), syntax: syntaxRanges(study) };
}

/**
 * `planCoding` on a study read by `studyToCode`. With `prove: false` a passage that
 * breaks no span or tag is not coded and read back on its own: the caller proves all
 * its passages at once (`codingEdits` does), and plans with proof where that fails.
 */
export function planInStudy(reading: StudyToCode, start: number, end: number, { prove = true } = {}): CodingPlan {
  const { study, text, bodyStart, blocks, syntax } = reading;
  const selection = trim(text, start, end);
  if (selection.start >= selection.end) throw new CodeSelectionError('Select the passage to code first.');
  if (selection.start < bodyStart) throw new CodeSelectionError(FRONT_MATTER_REASON);
  const edges = codableEdges(text, blocks, bodyStart, selection);
  const pieces = blocks
    .filter((block) => block.start < edges.end && block.end > edges.start)
    .map((block) => ({ block, piece: trimIn(text, block, Math.max(edges.start, block.start), Math.min(edges.end, block.end)) }))
    .filter(({ piece }) => hasText(text, piece, syntax));
  if (pieces.length === 0) throw new CodeSelectionError('The selection holds only tags: select the words of the passage to code.');
  return { study, targets: pieces.map(({ block, piece }) => snap(study, text, block, piece, prove)) };
}

/** The blocks that can hold a span, from the tag scanner. */
function blockRanges(text: string, bodyStart: number): BlockRange[] {
  return splitBlocks(text, bodyStart)
    .map((block) => ({ start: block.lines[0][0], end: block.lines[block.lines.length - 1][1], lines: block.lines }))
    .filter((block) => block.start < block.end);
}

/**
 * The selection with its edges moved into blocks over markers alone (`> `, `- `, a
 * heading's `#`), or the reason its edge is in text no block holds.
 */
function codableEdges(text: string, blocks: readonly BlockRange[], bodyStart: number, selection: TextRange): TextRange {
  let { start, end } = selection;
  if (!blocks.some((block) => block.start <= start && start < block.end)) {
    const next = blocks.find((block) => block.start >= start);
    if (!next || next.start >= end || !isMarkersOnly(text.slice(start, next.start))) throw new CodeSelectionError(hiddenReason(text, lastEndBefore(blocks, start, bodyStart), start));
    start = next.start;
  }
  if (!blocks.some((block) => block.start < end && end <= block.end)) {
    const previous = [...blocks].reverse().find((block) => block.end <= end);
    if (!previous || previous.end <= start || !isMarkersOnly(text.slice(previous.end, end))) throw new CodeSelectionError(hiddenReason(text, lastEndBefore(blocks, end - 1, bodyStart), end - 1));
    end = previous.end;
  }
  return { start, end };
}

function lastEndBefore(blocks: readonly BlockRange[], offset: number, bodyStart: number): number {
  let from = bodyStart;
  for (const block of blocks) if (block.end <= offset) from = block.end;
  return from;
}

/** Snaps one block's piece of the selection to a codable passage, or throws why there is none. */
function snap(study: Study, text: string, block: BlockRange, piece: TextRange, prove: boolean): CodingTarget {
  const spans = study.segments.filter((segment) => segment.kind === 'span' && segment.outerRange.start >= block.start && segment.outerRange.end <= block.end);
  const bare = bareTags(study, spans, block);
  const same = spanWithExtent(spans, piece);
  if (same) return { start: same.range.start, end: same.range.end, span: same };
  const conflict = firstConflict(piece, spans, bare);
  if (!conflict) {
    if (!prove || wraps(study, text, piece)) return piece;
    throw new CodeSelectionError('A span cannot start or end there: an edge of the selection is inside inline code, a link or HTML, where brackets are not read as a span. Select the words around it.');
  }
  for (const candidate of candidates(text, block, piece, spans, bare).slice(0, MAX_CHECKED_CANDIDATES)) {
    const adjustment: Adjustment = { kind: adjustmentKind(piece, candidate), around: conflict };
    const existing = spanWithExtent(spans, candidate);
    if (existing) return { start: existing.range.start, end: existing.range.end, span: existing, adjustment };
    if (wraps(study, text, candidate)) return { ...candidate, adjustment };
  }
  const what = conflict.how === 'cut' ? `cuts through ${conflict.description}` : `takes in ${conflict.description}, which codes the passage it stands in`;
  throw new CodeSelectionError(`The selection ${what}, and no passage near it keeps that whole: select all of it, or a passage inside it.`);
}

/** The span whose passage or whole syntax is exactly `range`, if any. */
function spanWithExtent(spans: readonly Segment[], range: TextRange): Segment | undefined {
  return spans.find((span) => (span.range.start === range.start && span.range.end === range.end) || (span.outerRange.start === range.start && span.outerRange.end === range.end));
}

/** True when wrapping `range` in a span does exactly that and nothing else. */
function wraps(study: Study, text: string, range: TextRange): boolean {
  const edits: TextEdit[] = [
    { path: study.path, start: range.start, end: range.start, newText: '[' },
    { path: study.path, start: range.end, end: range.end, newText: `]{#${PROBE_CODE}}` },
  ];
  return checkCoding(study, text, edits, [{ kind: 'wrap', start: range.start, end: range.end, codes: [PROBE_CODE] }]) === undefined;
}

/**
 * The first span or bare tag a new span over `range` would break: a span it overlaps
 * without enclosing it or lying inside its passage, a tag it cuts, or a bare tag it
 * would take from the block or span that tag codes now.
 */
function firstConflict(range: TextRange, spans: readonly Segment[], bare: readonly BareTag[]): CutThrough | undefined {
  const { start, end } = range;
  for (const span of spans) {
    const outer = span.outerRange;
    const fine = end <= outer.start || start >= outer.end || (start <= outer.start && end >= outer.end) || (start >= span.range.start && end <= span.range.end);
    if (!fine) return { start: outer.start, end: outer.end, description: describeSpan(span), how: 'cut' };
  }
  for (const { tag, owner } of bare) {
    const { start: tagStart, end: tagEnd } = tag.range;
    const cut = (tagStart < start && start < tagEnd) || (tagStart < end && end < tagEnd);
    const inside = start <= tagStart && tagEnd <= end;
    const keepsOwner = owner !== undefined && start <= owner.outerRange.start && owner.outerRange.end <= end;
    if (cut || (inside && !keepsOwner)) return { start: tagStart, end: tagEnd, description: `the tag #${tag.code}`, how: cut ? 'cut' : 'held' };
  }
  return undefined;
}

/** Passages near `piece` that break nothing, nearest first (fewest characters moved; shrinking wins ties). */
function candidates(text: string, block: BlockRange, piece: TextRange, spans: readonly Segment[], bare: readonly BareTag[]): TextRange[] {
  const starts = new Set([piece.start]);
  const ends = new Set([piece.end]);
  for (const span of spans) {
    starts.add(span.outerRange.start).add(span.range.start);
    ends.add(span.range.end).add(span.outerRange.end);
  }
  for (const { tag } of bare) {
    starts.add(tag.range.start).add(tag.range.end);
    ends.add(tag.range.start).add(tag.range.end);
  }
  const found = new Map<string, TextRange & { cost: number; inside: boolean }>();
  for (const start of starts) {
    for (const end of ends) {
      if (start < block.start || end > block.end || start >= end) continue;
      const range = trimIn(text, block, start, end);
      if (range.start >= range.end || firstConflict(range, spans, bare)) continue;
      const cost = Math.abs(range.start - piece.start) + Math.abs(range.end - piece.end);
      found.set(`${range.start}:${range.end}`, { ...range, cost, inside: range.start >= piece.start && range.end <= piece.end });
    }
  }
  return [...found.values()].sort((a, b) => a.cost - b.cost || Number(b.inside) - Number(a.inside) || a.start - b.start);
}

function adjustmentKind(from: TextRange, to: TextRange): Adjustment['kind'] {
  if (to.start <= from.start && to.end >= from.end) return 'extended';
  if (to.start >= from.start && to.end <= from.end) return 'shrunk';
  return 'moved';
}

/** The block's tags outside every brace group, each with the innermost span holding it. */
function bareTags(study: Study, spans: readonly Segment[], block: BlockRange): BareTag[] {
  const inBraces = (tag: TagOccurrence): boolean => spans.some((span) => tag.range.start >= span.range.end && tag.range.end <= span.outerRange.end);
  return study.tags
    .filter((tag) => tag.range.start >= block.start && tag.range.end <= block.end && !inBraces(tag))
    .map((tag) => {
      let owner: Segment | undefined;
      for (const span of spans) {
        const holds = span.range.start <= tag.range.start && tag.range.end <= span.range.end;
        if (holds && (!owner || span.range.end - span.range.start < owner.range.end - owner.range.start)) owner = span;
      }
      return { tag, owner };
    });
}

/** Tag syntax of a study (brackets, brace groups, bare tags) as ranges. */
function syntaxRanges(study: Study): TextRange[] {
  const ranges: TextRange[] = study.tags.map((tag) => tag.range);
  for (const segment of study.segments) {
    if (segment.kind !== 'span') continue;
    ranges.push({ start: segment.outerRange.start, end: segment.range.start }, { start: segment.range.end, end: segment.outerRange.end });
  }
  return ranges;
}

/** True when `range` holds a character that is neither white space nor tag syntax. */
function hasText(text: string, range: TextRange, syntax: readonly TextRange[]): boolean {
  for (let offset = range.start; offset < range.end; offset++) {
    if (/\s/.test(text[offset])) continue;
    if (!syntax.some((part) => part.start <= offset && offset < part.end)) return true;
  }
  return false;
}

/** The range without white space at its edges. */
function trim(text: string, start: number, end: number): TextRange {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

/** The range trimmed, with edges on container markers (`> ` of a line) moved onto the block's text. */
function trimIn(text: string, block: BlockRange, start: number, end: number): TextRange {
  let range = trim(text, start, end);
  const next = block.lines.find(([, lineEnd]) => lineEnd > range.start);
  if (next && range.start < next[0]) range = trim(text, next[0], range.end);
  const previous = [...block.lines].reverse().find(([lineStart]) => lineStart < range.end);
  if (previous && range.end > previous[1]) range = trim(text, range.start, previous[1]);
  return range;
}

/** `[being treated as…]{#staff-prejudice}`. */
function describeSpan(span: Segment): string {
  const words = span.text.replace(/\s+/g, ' ').trim();
  const short = words.length > 32 ? `${words.slice(0, 30).trimEnd()}…` : words;
  return `the span [${short}]{${span.codes.map((code) => `#${code}`).join(' ')}}`;
}
