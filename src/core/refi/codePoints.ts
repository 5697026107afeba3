/**
 * Conversion between UTF-16 offsets (JavaScript strings) and Unicode code point
 * offsets (REFI-QDA's `startPosition`/`endPosition`). Astral characters such as 😀 or
 * 𝒳 are two UTF-16 units but one code point.
 */
import { lastAtOrBelow } from '../text/sortedSearch';

/** Offset conversion for one text; cheap (identity) when it has no astral characters. */
export class CodePointIndex {
  /** UTF-16 offset of each code point, plus the text length at the end; absent when identity. */
  private readonly utf16Starts: number[] | undefined;
  /** Number of code points in the text. */
  readonly length: number;

  constructor(readonly text: string) {
    if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) {
      this.utf16Starts = undefined;
      this.length = text.length;
      return;
    }
    const starts: number[] = [];
    for (let offset = 0; offset < text.length; ) {
      starts.push(offset);
      offset += isSurrogatePair(text, offset) ? 2 : 1;
    }
    this.length = starts.length;
    starts.push(text.length);
    this.utf16Starts = starts;
  }

  /** The code point offset of a UTF-16 offset (inside a pair counts as the pair's start). */
  toCodePoint(utf16: number): number {
    const starts = this.utf16Starts;
    if (!starts) return clamp(utf16, 0, this.length);
    return lastAtOrBelow(starts, utf16);
  }

  /** The UTF-16 offset of a code point offset, clamped to the text. */
  toUtf16(codePoint: number): number {
    const clamped = clamp(codePoint, 0, this.length);
    return this.utf16Starts ? this.utf16Starts[clamped] : clamped;
  }
}

function isSurrogatePair(text: string, offset: number): boolean {
  const high = text.charCodeAt(offset);
  if (high < 0xd800 || high > 0xdbff) return false;
  const low = text.charCodeAt(offset + 1);
  return low >= 0xdc00 && low <= 0xdfff;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
