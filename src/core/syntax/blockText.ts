/**
 * A block's text as the inline scanner reads it: its lines joined with `\n`, container
 * markers (`> `, indentation) left out, and the maps between offsets in it and in the file.
 */
import { lastAtOrBelow } from '../text/sortedSearch';
import type { MarkdownBlock } from './blocks';

/**
 * A block's lines joined with `\n`, with a map from offsets in the joined string back
 * to file offsets (container markers such as `> ` are not part of the joined string).
 */
export class BlockText {
  readonly value: string;
  /** Joined offset of each line's start; undefined when the lines follow each other in the file. */
  private readonly joinedStarts: number[] | undefined;

  constructor(text: string, private readonly block: MarkdownBlock) {
    const lines = block.lines;
    if (isContiguous(lines)) {
      // Lines separated by a bare `\n` already are the joined text: no copy, no map.
      this.value = text.slice(lines[0][0], lines[lines.length - 1][1]);
      return;
    }
    const parts: string[] = [];
    const starts: number[] = [];
    let joined = 0;
    for (const [start, end] of lines) {
      starts.push(joined);
      parts.push(text.slice(start, end));
      joined += end - start + 1;
    }
    this.joinedStarts = starts;
    this.value = parts.join('\n');
  }

  /** The file offset of an offset in the joined string. */
  toFile(offset: number): number {
    const starts = this.joinedStarts;
    if (!starts) return this.block.lines[0][0] + offset;
    const line = lastAtOrBelow(starts, offset);
    const [lineStart, lineEnd] = this.block.lines[line];
    return Math.min(lineStart + offset - starts[line], lineEnd);
  }

  /** The offset in the joined string of a file offset (clamped into the block's line it falls in). */
  toJoined(fileOffset: number): number {
    const lines = this.block.lines;
    let line = 0;
    let high = lines.length - 1;
    while (line < high) {
      const mid = (line + high + 1) >> 1;
      if (lines[mid][0] <= fileOffset) line = mid;
      else high = mid - 1;
    }
    const [start, end] = lines[line];
    const lineJoined = this.joinedStarts ? this.joinedStarts[line] : start - lines[0][0];
    return lineJoined + Math.min(Math.max(fileOffset, start), end) - start;
  }
}

/** True when each line starts just after the previous one's `\n` (no `\r`, no container markers). */
function isContiguous(lines: MarkdownBlock['lines']): boolean {
  for (let index = 1; index < lines.length; index++) {
    if (lines[index][0] !== lines[index - 1][1] + 1) return false;
  }
  return true;
}
