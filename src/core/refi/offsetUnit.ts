/**
 * Which unit a project's selection offsets count. REFI-QDA says Unicode code points;
 * NVivo for Windows counts UTF-16 code units. The two readings differ only after a
 * character outside the Basic Multilingual Plane (an emoji), so the importer reads
 * the selections both ways and keeps the reading under which more of them start and
 * end at word boundaries (and inside the text); the producer (`origin`) decides a tie.
 */
import { CodePointIndex } from './codePoints';

/** The unit of `startPosition` / `endPosition`. */
export type OffsetUnit = 'codePoint' | 'utf16';

/** A source's text and its selections, as written in the project. */
export interface UnitEvidence {
  readonly text: string;
  readonly selections: ReadonlyArray<{ readonly start: number; readonly end: number }>;
}

/** The unit chosen and why, in one sentence for the import report. */
export interface OffsetUnitChoice {
  readonly unit: OffsetUnit;
  readonly explanation: string;
}

/** Tools known to count UTF-16 code units. */
const UTF16_PRODUCERS = /NVivo.*Windows/i;

/** Chooses the unit of a project's selection offsets. */
export function detectOffsetUnit(sources: readonly UnitEvidence[], origin: string | undefined): OffsetUnitChoice {
  const differing = sources.filter((source) => source.selections.length > 0 && /[\uD800-\uDBFF]/.test(source.text));
  if (differing.length === 0) {
    return { unit: 'codePoint', explanation: 'Selection offsets are read as Unicode code points, as REFI-QDA specifies; no coded text has characters outside the Basic Multilingual Plane, so code points and UTF-16 units give the same passages.' };
  }
  let total = 0;
  let asCodePoints = 0;
  let asUtf16 = 0;
  for (const source of differing) {
    const points = new CodePointIndex(source.text);
    for (const { start, end } of source.selections) {
      total++;
      if (end <= points.length && cleanEdges(source.text, points.toUtf16(start), points.toUtf16(end))) asCodePoints++;
      if (end <= source.text.length && cleanEdges(source.text, start, end)) asUtf16++;
    }
  }
  const tieBreak = UTF16_PRODUCERS.test(origin ?? '') ? 'utf16' : 'codePoint';
  const unit: OffsetUnit = asUtf16 > asCodePoints ? 'utf16' : asCodePoints > asUtf16 ? 'codePoint' : tieBreak;
  const evidence = `of the ${total} selections in texts with emoji or other characters outside the Basic Multilingual Plane, ${asUtf16} start and end at word boundaries read as UTF-16 units, ${asCodePoints} read as code points`;
  const made = origin ? `the project was made by ${origin}, and ` : '';
  return unit === 'utf16'
    ? { unit, explanation: `Selection offsets are read as UTF-16 code units, not the Unicode code points REFI-QDA specifies: ${made}${evidence}.` }
    : { unit, explanation: `Selection offsets are read as Unicode code points, as REFI-QDA specifies: ${made}${evidence}.` };
}

/** True when [start, end) neither starts nor ends inside a word or a surrogate pair. */
function cleanEdges(text: string, start: number, end: number): boolean {
  return start >= 0 && start <= end && atBoundary(text, start) && atBoundary(text, end);
}

const wordChar = /[\p{L}\p{N}\p{M}]/u;

function atBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const low = text.charCodeAt(offset);
  if (low >= 0xdc00 && low <= 0xdfff) return false;
  return !(wordChar.test(text[offset - 1]) && wordChar.test(text[offset]));
}

/** Offsets of one text in a unit, turned into UTF-16 offsets of the JavaScript string. */
export interface OffsetReader {
  /** The text's length in the unit. */
  readonly length: number;
  toUtf16(offset: number): number;
}

/** Reads offsets of `text` in `unit`. */
export function offsetReader(text: string, unit: OffsetUnit): OffsetReader {
  if (unit === 'codePoint') return new CodePointIndex(text);
  return { length: text.length, toUtf16: (offset) => Math.min(Math.max(offset, 0), text.length) };
}
