/**
 * Where imported selections go in a study: each selection (plain UTF-16 offsets) is
 * cut to the Markdown blocks it touches (a span cannot cross a paragraph break),
 * trimmed of whitespace, widened to hold a code span whole, and the set of spans is
 * made to nest: a selection that overlaps another without nesting is split at the
 * other's end. Spans over a whole block with no attributes become block tags.
 */
import { upperBound } from '../text/sortedSearch';
import type { EscapedText } from './markdownEscapes';

/** One selection's codes by one coder, in plain UTF-16 offsets. */
export interface SelectionInput {
  /** Names the selection in the import report. */
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly tags: readonly string[];
  readonly coder?: string;
  readonly memo?: string;
}

/** A span (or block tag) to write, in plain UTF-16 offsets. */
export interface PlacedSpan {
  readonly start: number;
  readonly end: number;
  readonly tags: string[];
  readonly coder?: string;
  memo?: string;
  /** True to write bare tags after the block instead of a span. */
  block: boolean;
}

/** What happened to selections on the way, by selection label. */
export interface PlacementNotes {
  readonly empty: string[];
  readonly unplaced: string[];
  readonly splitAtBlocks: string[];
  readonly splitOverlaps: string[];
  readonly widened: string[];
  /** Selections that started or ended on whitespace, which the span leaves out. */
  readonly trimmed: string[];
}

type Range = [number, number];

interface Piece {
  start: number;
  end: number;
  readonly input: SelectionInput;
  /** The lines of the block the piece lies in. */
  readonly lines: ReadonlyArray<readonly [number, number]>;
}

/** Places selections in a plain text; see the module comment. */
export function placeSelections(plain: string, escaped: EscapedText, inputs: readonly SelectionInput[]): { spans: PlacedSpan[]; notes: PlacementNotes } {
  const notes: PlacementNotes = { empty: [], unplaced: [], splitAtBlocks: [], splitOverlaps: [], widened: [], trimmed: [] };
  const blockEnds = escaped.blocks.map((lines) => lines[lines.length - 1][1]);
  const pieces: Piece[] = [];
  for (const input of inputs) {
    const trimmed = trimInLines(plain, [[input.start, input.end]], input.start, input.end);
    if (trimmed === undefined) {
      notes.empty.push(input.label);
      continue;
    }
    if (trimmed[0] !== input.start || trimmed[1] !== input.end) notes.trimmed.push(input.label);
    const own = piecesOf(plain, escaped, blockEnds, input, notes);
    if (own.length === 0) notes.unplaced.push(input.label);
    if (own.length > 1) notes.splitAtBlocks.push(input.label);
    pieces.push(...own);
  }
  const nested = nest(plain, pieces, notes);
  return { spans: merge(plain, escaped, nested), notes };
}

/** The parts of a selection inside Markdown blocks, trimmed and widened over code spans. */
function piecesOf(plain: string, escaped: EscapedText, blockEnds: readonly number[], input: SelectionInput, notes: PlacementNotes): Piece[] {
  const pieces: Piece[] = [];
  let widened = false;
  for (let block = upperBound(blockEnds, input.start); block < escaped.blocks.length; block++) {
    const lines = escaped.blocks[block];
    if (lines[0][0] >= input.end) break;
    const trimmed = trimInLines(plain, lines, input.start, input.end);
    if (!trimmed) continue;
    let [start, end] = trimmed;
    for (let changed = true; changed; ) {
      const [wasStart, wasEnd] = [start, end];
      for (const [spanStart, spanEnd] of escaped.codeSpans) {
        if (spanStart < start && start < spanEnd) [start, widened] = [spanStart, true];
        if (spanStart < end && end < spanEnd) [end, widened] = [spanEnd, true];
      }
      // Splitting a run of backticks would change which runs pair up as code spans.
      while (plain[start - 1] === '`' && plain[start] === '`') start--;
      while (plain[end - 1] === '`' && plain[end] === '`') end++;
      changed = start !== wasStart || end !== wasEnd;
    }
    pieces.push({ start, end, input, lines });
  }
  if (widened) notes.widened.push(input.label);
  return pieces;
}

/** The first and last non-blank characters of [start, end) within the lines' content. */
function trimInLines(plain: string, lines: ReadonlyArray<readonly [number, number]>, start: number, end: number): Range | undefined {
  let first: number | undefined;
  let last: number | undefined;
  for (const [lineStart, lineEnd] of lines) {
    for (let offset = Math.max(start, lineStart); offset < Math.min(end, lineEnd); offset++) {
      if (!/\s/.test(plain[offset])) {
        first ??= offset;
        last = offset + 1;
      }
    }
  }
  return first === undefined || last === undefined ? undefined : [first, last];
}

/** Splits pieces that overlap without nesting; returns properly nested pieces. */
function nest(plain: string, pieces: Piece[], notes: PlacementNotes): Piece[] {
  const queue = [...pieces].sort(byStartThenLongest);
  const stack: Piece[] = [];
  const out: Piece[] = [];
  const split = new Set<string>();
  for (let index = 0; index < queue.length; index++) {
    const piece = queue[index];
    while (stack.length > 0 && stack[stack.length - 1].end <= piece.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && piece.end > parent.end) {
      if (!split.has(piece.input.label)) notes.splitOverlaps.push(piece.input.label);
      split.add(piece.input.label);
      const rest = trimInLines(plain, piece.lines, parent.end, piece.end);
      if (rest) insertSorted(queue, { start: rest[0], end: rest[1], input: piece.input, lines: piece.lines }, index + 1);
      const head = trimInLines(plain, piece.lines, piece.start, parent.end);
      if (!head) continue;
      [piece.start, piece.end] = head;
    }
    stack.push(piece);
    out.push(piece);
  }
  return out;
}

function byStartThenLongest(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.start - b.start || b.end - a.end;
}

/** Inserts into the sorted part of the queue from `from` on, after equal pieces. */
function insertSorted(queue: Piece[], piece: Piece, from: number): void {
  let low = from;
  let high = queue.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (byStartThenLongest(queue[middle], piece) <= 0) low = middle + 1;
    else high = middle;
  }
  queue.splice(low, 0, piece);
}

/** Merges pieces with the same range and coder, and marks whole-block ones as block tags. */
function merge(plain: string, escaped: EscapedText, pieces: readonly Piece[]): PlacedSpan[] {
  const byKey = new Map<string, PlacedSpan>();
  for (const { start, end, input } of pieces) {
    const key = `${start}:${end}:${input.coder ?? ''}`;
    let span = byKey.get(key);
    if (!span) byKey.set(key, (span = { start, end, tags: [], coder: input.coder, block: false }));
    for (const tag of input.tags) if (!span.tags.includes(tag)) span.tags.push(tag);
    if (input.memo) span.memo = span.memo ? `${span.memo} / ${input.memo}` : input.memo;
  }
  const blockRanges = new Set(escaped.blocks.map((lines) => trimInLines(plain, lines, lines[0][0], lines[lines.length - 1][1])).filter((range): range is Range => !!range).map(([start, end]) => `${start}:${end}`));
  const spans = [...byKey.values()];
  for (const span of spans) span.block = !span.coder && !span.memo && blockRanges.has(`${span.start}:${span.end}`);
  return spans.sort((a, b) => byStartThenLongest(a, b) || Number(b.block) - Number(a.block));
}
