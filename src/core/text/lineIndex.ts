import type { TagOccurrence, TextPosition, TextSpan } from '../model';

/** Maps UTF-16 offsets of a text to 0-based line/column positions. */
export class LineIndex {
  /**
   * Offset of the first character of each line. A typed array: the index keeps one per
   * study, and its contents, outside V8's heap, are not copied by each young-generation
   * collection as a number array is (~7 MB for the 1,000-study benchmark).
   */
  private readonly lineStarts: Int32Array;
  /** What spans keep to compute their positions: the line starts, not the text. */
  readonly positions: LinePositions;

  constructor(readonly text: string) {
    const starts = [0];
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      starts.push(newline + 1);
      newline = text.indexOf('\n', newline + 1);
    }
    this.lineStarts = Int32Array.from(starts);
    this.positions = new LinePositions(this.lineStarts);
  }

  /** Number of lines (a trailing newline starts an empty last line). */
  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset where a 0-based line starts. */
  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset just past a line's content, before `\r\n` or `\n`. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.text.length;
    return next > this.lineStart(line) && this.text.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  /** The 0-based line containing an offset. */
  lineAt(offset: number): number {
    return this.positions.lineAt(offset);
  }

  positionAt(offset: number): TextPosition {
    return this.positions.positionAt(offset);
  }

  offsetAt(position: TextPosition): number {
    return Math.min(this.lineStart(position.line) + position.column, this.text.length);
  }

  /** A span with both offsets and positions (positions are computed when read). */
  span(start: number, end: number): TextSpan {
    return new LineSpan(start, end, this.positions);
  }

  /** A tag occurrence of `code` at [start, end): one object that is also its own range. */
  tag(code: string, start: number, end: number): LineTag {
    return new LineTag(code, start, end, this.positions);
  }
}

/** Line starts of a text, shared by its spans: offsets to positions by binary search. */
export class LinePositions {
  constructor(private readonly starts: Int32Array) {}

  /** The last line starting at or before `offset` (0 before the first). */
  lineAt(offset: number): number {
    // sortedSearch's upper bound, for this typed array: one array kind per function keeps V8's code monomorphic.
    const starts = this.starts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (starts[middle] <= offset) low = middle + 1;
      else high = middle;
    }
    return Math.max(0, low - 1);
  }

  positionAt(offset: number): TextPosition {
    const line = this.lineAt(offset);
    return { line, column: offset - this.starts[line] };
  }
}

/**
 * A span that computes its line/column positions when they are read: a review holds
 * hundreds of thousands of spans, most of whose positions are never asked for, so
 * storing two position objects each cost memory and garbage-collection time.
 */
export class LineSpan implements TextSpan {
  constructor(
    readonly start: number,
    readonly end: number,
    protected readonly positions: LinePositions,
  ) {}

  get startPosition(): TextPosition {
    return this.positions.positionAt(this.start);
  }

  get endPosition(): TextPosition {
    return this.positions.positionAt(this.end);
  }
}

/** A tag occurrence that is its own range: a review holds ~200,000 of them. */
export class LineTag extends LineSpan implements TagOccurrence {
  constructor(
    readonly code: string,
    start: number,
    end: number,
    positions: LinePositions,
  ) {
    super(start, end, positions);
  }

  get range(): TextSpan {
    return this;
  }
}
