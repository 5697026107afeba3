import type { TextPosition, TextSpan } from '../model';

/** Maps UTF-16 offsets of a text to 0-based line/column positions. */
export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      starts.push(newline + 1);
      newline = text.indexOf('\n', newline + 1);
    }
    this.lineStarts = starts;
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
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  positionAt(offset: number): TextPosition {
    const line = this.lineAt(offset);
    return { line, column: offset - this.lineStarts[line] };
  }

  offsetAt(position: TextPosition): number {
    return Math.min(this.lineStart(position.line) + position.column, this.text.length);
  }

  /** A span with both offsets and positions. */
  span(start: number, end: number): TextSpan {
    return { start, end, startPosition: this.positionAt(start), endPosition: this.positionAt(end) };
  }
}
