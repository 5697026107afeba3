/**
 * A study's plain text, as REFI-QDA tools see it: the body without front matter and
 * without tag syntax (span brackets and braces, bare tags, lines of tags alone, the
 * backslashes of tag escapes), everything else verbatim so it reads as the study.
 * The one blank line that separates front matter from the text is not part of it (an
 * imported text that starts with a line break keeps it). A map takes source offsets
 * to plain offsets.
 */
import { readFrontMatter } from '../frontMatter';
import { scanTags, type ScannedSegment, type ScannedStudy } from '../syntax/scanTags';
import { mergeRanges } from '../text/ranges';
import { exportedEscapes } from './exportEscapes';

/**
 * The front-matter key of a study imported from another tool's plain text: its text is
 * escaped so nothing in it reads as Markdown, and its export drops every escape.
 */
export const PLAIN_TEXT_KEY = 'plain-text';

/** The plain text of a study and the way back from its source. */
export interface StudyPlainText {
  /** The plain text (UTF-16 string). */
  readonly text: string;
  /** The study's scanned segments, in source offsets. */
  readonly segments: readonly ScannedSegment[];
  /** Maps a source UTF-16 offset to a plain UTF-16 offset (removed text maps to where it was). */
  toPlain(sourceOffset: number): number;
  /** A segment's plain range [start, end), trimmed of surrounding whitespace. */
  plainRange(segment: ScannedSegment): [number, number];
}

/** A kept piece of the source and where it starts in the plain text. */
interface KeptPiece {
  readonly start: number;
  readonly end: number;
  readonly plain: number;
}

/** Computes the plain text of a study's source text (BOM already removed). */
export function studyPlainText(source: string): StudyPlainText {
  const { bodyStart, data } = readFrontMatter(source);
  const kind = data[PLAIN_TEXT_KEY] === true ? 'plain' : 'markdown';
  const scanned = scanTags(source, bodyStart);
  const removals = mergeRanges([...separatorLine(source, bodyStart), ...spanSyntax(scanned), ...bareTagsWithSpace(source, scanned)]);
  const withLines = mergeRanges([...removals, ...tagOnlyLines(source, bodyStart, bareTags(scanned), removals)]);
  // Escapes are judged on the text as it reads without its tags, as an import sees it.
  const untagged = keptPieces(bodyStart, source.length, withLines);
  const escapes = exportedEscapes(untagged.map((piece) => source.slice(piece.start, piece.end)).join(''), 0, kind).map((offset): Range => {
    const at = sourceOffset(untagged, offset);
    return [at, at + 1];
  });
  const pieces = keptPieces(bodyStart, source.length, mergeRanges([...withLines, ...escapes]));
  const text = pieces.map((piece) => source.slice(piece.start, piece.end)).join('');
  const toPlain = (offset: number): number => plainOffset(pieces, offset);
  return {
    text,
    segments: scanned.segments,
    toPlain,
    plainRange: (segment) => trimRange(text, toPlain(segment.start), toPlain(segment.end)),
  };
}

type Range = [number, number];

/** The blank line after the front matter's closing `---`, when there is front matter. */
function separatorLine(source: string, bodyStart: number): Range[] {
  if (bodyStart === 0) return [];
  const match = /^[ \t]*\r?\n/.exec(source.slice(bodyStart, bodyStart + 200));
  return match ? [[bodyStart, bodyStart + match[0].length]] : [];
}

/** `[` and `]{…}` of every span. */
function spanSyntax(scanned: ScannedStudy): Range[] {
  return scanned.segments
    .filter((segment) => segment.kind === 'span')
    .flatMap((segment): Range[] => [[segment.outerStart, segment.start], [segment.end, segment.outerEnd]]);
}

/** Tags outside span braces: block tags and tags written inside a span's text. */
function bareTags(scanned: ScannedStudy): Range[] {
  const braces = scanned.segments
    .filter((segment) => segment.kind === 'span')
    .map((segment): Range => [segment.end, segment.outerEnd])
    .sort((a, b) => a[0] - b[0]);
  const bare: Range[] = [];
  let next = 0;
  for (const tag of scanned.tags) {
    while (next < braces.length && braces[next][1] < tag.end) next++;
    const inBraces = next < braces.length && braces[next][0] <= tag.start;
    if (!inBraces) bare.push([tag.start, tag.end]);
  }
  return bare;
}

/** Bare tags with one neighbouring space, so `text #tag more` reads `text more`. */
function bareTagsWithSpace(source: string, scanned: ScannedStudy): Range[] {
  return bareTags(scanned).map(([start, end]): Range => {
    if (isBlank(source, start - 1)) return [start - 1, end];
    if (isBlank(source, end)) return [start, end + 1];
    return [start, end];
  });
}

function isBlank(source: string, offset: number): boolean {
  const code = source.charCodeAt(offset);
  return code === 32 || code === 9;
}

/**
 * Lines that held bare tags and nothing else but quote markers and spaces (`> #tag`)
 * are removed with the line break before them, so no empty line is left behind.
 */
function tagOnlyLines(source: string, bodyStart: number, tags: readonly Range[], removals: readonly Range[]): Range[] {
  const lines: Range[] = [];
  for (const [tagStart] of tags) {
    const lineStart = source.lastIndexOf('\n', tagStart - 1) + 1;
    let lineEnd = source.indexOf('\n', tagStart);
    if (lineEnd === -1) lineEnd = source.length;
    const contentEnd = source.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    if (!onlyMarkersKept(source, lineStart, contentEnd, removals)) continue;
    if (lineStart > bodyStart) {
      const previousEnd = source.charCodeAt(lineStart - 2) === 13 ? lineStart - 2 : lineStart - 1;
      lines.push([previousEnd, contentEnd]);
    } else {
      lines.push([lineStart, Math.min(lineEnd + 1, source.length)]);
    }
  }
  return lines;
}

function onlyMarkersKept(source: string, start: number, end: number, removals: readonly Range[]): boolean {
  let index = firstEndingAfter(removals, start);
  for (let offset = start; offset < end; offset++) {
    while (index < removals.length && removals[index][1] <= offset) index++;
    const removed = index < removals.length && removals[index][0] <= offset;
    if (!removed && !' \t>'.includes(source[offset])) return false;
  }
  return true;
}

/** Index of the first of sorted, disjoint ranges that ends after `offset`. */
function firstEndingAfter(ranges: readonly Range[], offset: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle][1] <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function keptPieces(bodyStart: number, length: number, removals: readonly Range[]): KeptPiece[] {
  const pieces: KeptPiece[] = [];
  let cursor = bodyStart;
  let plain = 0;
  for (const [start, end] of removals) {
    if (end <= cursor) continue;
    if (start > cursor) {
      pieces.push({ start: cursor, end: start, plain });
      plain += start - cursor;
    }
    cursor = Math.max(cursor, end);
  }
  if (cursor < length) pieces.push({ start: cursor, end: length, plain });
  return pieces;
}

/** The source offset of a plain offset (inside a kept piece). */
function sourceOffset(pieces: readonly KeptPiece[], plain: number): number {
  let low = 0;
  let high = pieces.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (pieces[middle].plain <= plain) low = middle;
    else high = middle - 1;
  }
  return pieces[low].start + plain - pieces[low].plain;
}

function plainOffset(pieces: readonly KeptPiece[], offset: number): number {
  let low = 0;
  let high = pieces.length - 1;
  if (high < 0 || offset <= pieces[0].start) return 0;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (pieces[middle].start <= offset) low = middle;
    else high = middle - 1;
  }
  const piece = pieces[low];
  return piece.plain + Math.min(offset, piece.end) - piece.start;
}

function trimRange(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}
