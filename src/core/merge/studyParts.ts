/**
 * A study version taken apart for merging: its plain text (every piece of tag syntax
 * removed) and the pieces, each at an offset of the plain text, grouped into the
 * codings they write. Putting every piece back where it was gives the file again,
 * byte for byte (`renderStudy` with the version's own parts).
 *
 * Only the scanner's public results are used (segments, their tags and ranges), so a
 * new block parser behind `scanTags` changes nothing here.
 */
import { readFrontMatter } from '../frontMatter';
import { scanTags, type ScannedSegment, type ScannedTag } from '../syntax/scanTags';
import { lowerBound, upperBound } from '../text/sortedSearch';

/** A span tag `[passage]{…}` of a version, in its plain-text offsets. */
export interface SpanPart {
  /** The coded passage [start, end) in plain-text offsets. */
  readonly start: number;
  readonly end: number;
  /** Codes in the braces, in order. */
  readonly braceCodes: readonly string[];
  readonly attributes: Readonly<Record<string, string>>;
  /** The closing syntax as written: `]{#a #b coder="jb"}`. */
  readonly close: string;
  /** Bare tags written inside the passage (they add their codes to this span). */
  readonly inner: readonly BarePart[];
  /** File offset of `[`: the order of the version's own pieces. */
  readonly seq: number;
}

/** A bare tag, or a line of bare tags, of a version. */
export interface BarePart {
  /** Plain-text offset the piece was taken out at. */
  readonly at: number;
  /** The piece as written, with the whitespace or line break that goes with it. */
  readonly text: string;
  /** Its tags: code and offsets inside `text`. */
  readonly tags: ReadonlyArray<{ readonly code: string; readonly start: number; readonly end: number }>;
  /** True for a line of tags alone (taken out with the line break before it). */
  readonly line: boolean;
  /** File offset of the piece. */
  readonly seq: number;
}

/** A bare tag that codes a whole block, and that block's plain-text extent. */
export interface BlockTagPart extends BarePart {
  readonly blockStart: number;
  readonly blockEnd: number;
}

/** A study version as plain text and tag syntax. */
export interface StudyParts {
  readonly plain: string;
  readonly spans: readonly SpanPart[];
  /** Bare tags outside spans (block tags). */
  readonly blockTags: readonly BlockTagPart[];
  /** How many span syntax errors the scanner found (a merge must not add any). */
  readonly errorCount: number;
  /** The plain-text offset of a file offset. */
  readonly toPlain: (fileOffset: number) => number;
}

/** A removed range of the file and what it becomes. */
interface Cut {
  readonly start: number;
  readonly end: number;
}

/** Thrown when a version's syntax cannot be taken apart cleanly (the caller falls back to a line merge). */
export class UnsplittableStudyError extends Error {}

/** Takes a study's text (BOM removed) apart into plain text and tag syntax. */
export function splitStudy(text: string): StudyParts {
  const bodyStart = readFrontMatter(text).bodyStart;
  const scanned = scanTags(text, bodyStart);
  const cuts: Cut[] = [];
  const braceRanges: Array<readonly [number, number]> = [];
  for (const segment of scanned.segments) {
    if (segment.kind !== 'span') continue;
    cuts.push({ start: segment.outerStart, end: segment.outerStart + 1 }, { start: segment.end, end: segment.outerEnd });
    braceRanges.push([segment.end, segment.outerEnd]);
  }
  const bare = bareTagsBySegment(scanned.segments, braceRanges);
  const pieces = barePieces(text, bodyStart, [...bare.keys()].sort((a, b) => a.start - b.start), cuts);
  for (const piece of pieces) cuts.push(piece);
  cuts.sort((a, b) => a.start - b.start);
  for (let index = 1; index < cuts.length; index++) {
    if (cuts[index].start < cuts[index - 1].end) throw new UnsplittableStudyError(`overlapping tag syntax at offset ${cuts[index].start}`);
  }
  const plainOf = plainOffsets(cuts);
  const pieceOf = (piece: RawPiece): BarePart => ({
    at: plainOf(piece.start),
    text: text.slice(piece.start, piece.end),
    tags: piece.tags.map((tag) => ({ code: tag.code, start: tag.start - piece.start, end: tag.end - piece.start })),
    line: piece.line,
    seq: piece.start,
  });
  const spans: SpanPart[] = [];
  const blockTags: BlockTagPart[] = [];
  const piecesOf = new Map<ScannedSegment, RawPiece[]>();
  for (const piece of pieces) {
    const owner = bare.get(piece.tags[0])!;
    piecesOf.set(owner, [...(piecesOf.get(owner) ?? []), piece]);
  }
  for (const segment of scanned.segments) {
    const mine = piecesOf.get(segment) ?? [];
    if (segment.kind === 'span') {
      spans.push({
        start: plainOf(segment.start),
        end: plainOf(segment.end),
        braceCodes: distinct(segment.tags.filter((tag) => tag.start >= segment.end).map((tag) => tag.code)),
        attributes: segment.attributes,
        close: text.slice(segment.end, segment.outerEnd),
        inner: mine.map(pieceOf),
        seq: segment.outerStart,
      });
    } else {
      const blockStart = plainOf(segment.start);
      const blockEnd = plainOf(segment.end);
      for (const piece of mine) blockTags.push({ ...pieceOf(piece), blockStart, blockEnd });
    }
  }
  return { plain: plainText(text, cuts), spans, blockTags: blockTags.sort((a, b) => a.seq - b.seq), errorCount: scanned.errors.length, toPlain: plainOf };
}

/** Every bare tag (not in braces) and the segment whose codes it adds to. */
function bareTagsBySegment(segments: readonly ScannedSegment[], braceRanges: ReadonlyArray<readonly [number, number]>): Map<ScannedTag, ScannedSegment> {
  // Brace groups never overlap: the one that may hold a tag is the last starting at or before it.
  const sorted = [...braceRanges].sort((a, b) => a[0] - b[0]);
  const starts = sorted.map(([start]) => start);
  const inBraces = (tag: ScannedTag): boolean => {
    const range = sorted[upperBound(starts, tag.start) - 1];
    return range !== undefined && tag.start < range[1];
  };
  const bare = new Map<ScannedTag, ScannedSegment>();
  for (const segment of segments) for (const tag of segment.tags) if (!inBraces(tag)) bare.set(tag, segment);
  return bare;
}

/** A piece of bare-tag syntax in file offsets. */
interface RawPiece extends Cut {
  readonly tags: readonly ScannedTag[];
  readonly line: boolean;
}

/**
 * The pieces bare tags are taken out as: a line holding nothing but tags goes with the
 * line break (and blank lines) before it, so a tag line under a quote leaves the quote
 * as it was; an inline tag goes with the spaces before it (or after it, at a line's start).
 */
function barePieces(text: string, bodyStart: number, tags: readonly ScannedTag[], cuts: readonly Cut[]): RawPiece[] {
  const pieces: RawPiece[] = [];
  const byLine = new Map<number, ScannedTag[]>();
  for (const tag of tags) {
    const lineStart = text.lastIndexOf('\n', tag.start - 1) + 1;
    const list = byLine.get(lineStart) ?? [];
    list.push(tag);
    byLine.set(lineStart, list);
  }
  for (const [lineStart, lineTags] of byLine) {
    const contentEnd = lineContentEnd(text, lineStart);
    const prefixEnd = containerPrefixEnd(text, lineStart, contentEnd);
    if (onlyTags(text, prefixEnd, contentEnd, lineTags)) {
      pieces.push({ ...tagLineRange(text, bodyStart, lineStart, contentEnd), tags: lineTags, line: true });
      continue;
    }
    const onLine: Cut[] = [];
    for (const tag of lineTags) {
      const piece = inlineRange(text, tag, prefixEnd, contentEnd, [...cuts, ...onLine]);
      onLine.push(piece);
      pieces.push({ ...piece, tags: [tag], line: false });
    }
  }
  return pieces;
}

/** Where a line's content ends (before `\r\n` or `\n`). */
function lineContentEnd(text: string, lineStart: number): number {
  let end = text.indexOf('\n', lineStart);
  if (end === -1) end = text.length;
  return end > lineStart && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

/** The end of a line's blockquote markers and indentation. */
function containerPrefixEnd(text: string, lineStart: number, contentEnd: number): number {
  let offset = lineStart;
  while (offset < contentEnd && /[ \t>]/.test(text[offset])) offset++;
  return offset;
}

function onlyTags(text: string, from: number, to: number, tags: readonly ScannedTag[]): boolean {
  let cursor = from;
  for (const tag of tags) {
    if (/\S/.test(text.slice(cursor, tag.start))) return false;
    cursor = tag.end;
  }
  return !/\S/.test(text.slice(cursor, to));
}

/** A line of tags: from the end of the last line before it with content, to its own end. */
function tagLineRange(text: string, bodyStart: number, lineStart: number, contentEnd: number): Cut {
  for (let end = lineStart - 1; end > bodyStart; ) {
    const previousStart = text.lastIndexOf('\n', end - 1) + 1;
    const previousEnd = lineContentEnd(text, previousStart);
    if (previousStart < bodyStart) break;
    if (/[^\s>]/.test(text.slice(previousStart, previousEnd))) return { start: previousEnd, end: contentEnd };
    end = previousStart - 1;
  }
  // No line with content before it: the line goes with its own line break.
  const next = text.indexOf('\n', contentEnd);
  return { start: lineStart, end: next === -1 ? text.length : next + 1 };
}

/** An inline tag with the spaces before it, or, at the start of a line's content, after it. */
function inlineRange(text: string, tag: ScannedTag, prefixEnd: number, contentEnd: number, cuts: readonly Cut[]): Cut {
  const claimedTo = Math.max(prefixEnd, ...cuts.filter((cut) => cut.end <= tag.start).map((cut) => cut.end));
  let start = tag.start;
  while (start > claimedTo && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (start < tag.start) return { start, end: tag.end };
  const atContentStart = !/\S/.test(withoutCuts(text, prefixEnd, tag.start, cuts));
  let end = tag.end;
  if (atContentStart) while (end < contentEnd && (text[end] === ' ' || text[end] === '\t')) end++;
  return { start: tag.start, end };
}

/** The text of [from, to) with the cuts made so far left out. */
function withoutCuts(text: string, from: number, to: number, cuts: readonly Cut[]): string {
  const parts: string[] = [];
  let cursor = from;
  for (const cut of cuts.filter((item) => item.start >= from && item.end <= to).sort((x, y) => x.start - y.start)) {
    parts.push(text.slice(cursor, cut.start));
    cursor = cut.end;
  }
  parts.push(text.slice(cursor, to));
  return parts.join('');
}

/** The map from file offsets to plain-text offsets, given sorted cuts. */
function plainOffsets(cuts: readonly Cut[]): (offset: number) => number {
  const starts = cuts.map((cut) => cut.start);
  const removedBefore: number[] = [];
  let removed = 0;
  for (const cut of cuts) {
    removedBefore.push(removed);
    removed += cut.end - cut.start;
  }
  return (offset) => {
    // The last cut starting before `offset` (a cut starting at it is not yet removed).
    const low = lowerBound(starts, offset);
    if (low === 0) return offset;
    const cut = cuts[low - 1];
    return offset - removedBefore[low - 1] - (Math.min(offset, cut.end) - cut.start);
  };
}

function plainText(text: string, cuts: readonly Cut[]): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const cut of cuts) {
    parts.push(text.slice(cursor, cut.start));
    cursor = cut.end;
  }
  parts.push(text.slice(cursor));
  return parts.join('');
}

function distinct(codes: readonly string[]): string[] {
  return [...new Set(codes)];
}
