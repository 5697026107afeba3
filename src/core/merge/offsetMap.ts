/**
 * Where the offsets of one text are in another: lines are matched first, then the
 * characters of the lines that differ (Myers' diff, `changedRanges`). Used to
 * carry a version's codings onto the merged text; a coded passage whose characters
 * are all gone from the other text no longer maps (`keeps` is false).
 */
import { changedRanges } from './changedRanges';

/** Changed regions bigger than this are not compared character by character (their characters do not map). */
const MAX_CHAR_DIFF = 20_000;

/** A run of equal characters: `from[fromStart..+length)` is `to[toStart..+length)`. */
interface Run {
  readonly fromStart: number;
  readonly toStart: number;
  readonly length: number;
}

/** A region of lines that differ: `from[fromStart, fromEnd)` became `to[toStart, toEnd)`. */
export interface ChangedLines {
  readonly fromStart: number;
  readonly fromEnd: number;
  readonly toStart: number;
  readonly toEnd: number;
}

/** The correspondence of the offsets of `from` and `to`. */
export class OffsetMap {
  private readonly runs: Run[] = [];
  /** The line regions that differ, in order. */
  readonly changed: ChangedLines[] = [];

  constructor(private readonly from: string, private readonly to: string) {
    if (from === to) {
      this.runs.push({ fromStart: 0, toStart: 0, length: from.length });
      return;
    }
    this.matchLines();
  }

  /** The text offsets are mapped into. */
  get target(): string {
    return this.to;
  }

  /** Where a passage starting at `offset` starts: before the same character, or where what replaced it starts. */
  start(offset: number): number {
    const run = this.runOf(offset);
    if (run) return run.toStart + offset - run.fromStart;
    const before = this.runs[this.lastRunBefore(offset)];
    return before ? before.toStart + before.length : 0;
  }

  /** Where a passage ending at `offset` ends: after the same character, or where what replaced it ends. */
  end(offset: number): number {
    const run = offset > 0 ? this.runOf(offset - 1) : undefined;
    if (run) return run.toStart + offset - run.fromStart;
    const after = this.runs[this.lastRunBefore(offset) + 1];
    return after ? after.toStart : this.to.length;
  }

  /** True when at least one character of `from[start, end)` is in `to`. */
  keeps(start: number, end: number): boolean {
    const index = this.lastRunBefore(start + 1);
    const run = this.runs[index];
    if (run && start < run.fromStart + run.length) return true;
    const next = this.runs[index + 1];
    return next !== undefined && next.fromStart < end;
  }

  /** The changed line regions that hold any of `from[start, end)`. */
  changedAround(start: number, end: number): ChangedLines[] {
    return this.changed.filter((region) => region.fromStart < Math.max(end, start + 1) && region.fromEnd > start);
  }

  /** The run holding character `offset` of `from`. */
  private runOf(offset: number): Run | undefined {
    const run = this.runs[this.lastRunBefore(offset + 1)];
    return run && offset >= run.fromStart && offset < run.fromStart + run.length ? run : undefined;
  }

  /** The index of the last run starting before `offset`, or -1. */
  private lastRunBefore(offset: number): number {
    let low = 0;
    let high = this.runs.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.runs[mid].fromStart < offset) low = mid + 1;
      else high = mid;
    }
    return low - 1;
  }

  private matchLines(): void {
    const fromLines = splitLines(this.from);
    const toLines = splitLines(this.to);
    const fromOffsets = lineOffsets(fromLines);
    const toOffsets = lineOffsets(toLines);
    let fromLine = 0;
    let toLine = 0;
    const equalLines = (count: number): void => {
      if (count > 0) this.addRun(fromOffsets[fromLine], toOffsets[toLine], fromOffsets[fromLine + count] - fromOffsets[fromLine]);
      fromLine += count;
      toLine += count;
    };
    for (const hunk of changedRanges(fromLines, toLines)) {
      equalLines(hunk.fromStart - fromLine);
      const region = {
        fromStart: fromOffsets[fromLine],
        fromEnd: fromOffsets[fromLine + hunk.fromLength],
        toStart: toOffsets[toLine],
        toEnd: toOffsets[toLine + hunk.toLength],
      };
      this.changed.push(region);
      this.matchCharacters(region);
      fromLine += hunk.fromLength;
      toLine += hunk.toLength;
    }
    equalLines(fromLines.length - fromLine);
  }

  /** Matches the characters of a changed region (common ends first, then an LCS of the middle). */
  private matchCharacters(region: ChangedLines): void {
    const a = this.from.slice(region.fromStart, region.fromEnd);
    const b = this.to.slice(region.toStart, region.toEnd);
    let prefix = 0;
    while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
    let suffix = 0;
    while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
    this.addRun(region.fromStart, region.toStart, prefix);
    const middleA = a.slice(prefix, a.length - suffix);
    const middleB = b.slice(prefix, b.length - suffix);
    if (middleA.length > 0 && middleB.length > 0 && middleA.length <= MAX_CHAR_DIFF && middleB.length <= MAX_CHAR_DIFF) {
      let i = 0;
      let j = 0;
      for (const hunk of changedRanges(middleA.split(''), middleB.split(''))) {
        this.addRun(region.fromStart + prefix + i, region.toStart + prefix + j, hunk.fromStart - i);
        i = hunk.fromStart + hunk.fromLength;
        j = hunk.toStart + hunk.toLength;
      }
      this.addRun(region.fromStart + prefix + i, region.toStart + prefix + j, middleA.length - i);
    }
    this.addRun(region.fromEnd - suffix, region.toEnd - suffix, suffix);
  }

  private addRun(fromStart: number, toStart: number, length: number): void {
    if (length <= 0) return;
    const last = this.runs[this.runs.length - 1];
    if (last && last.fromStart + last.length === fromStart && last.toStart + last.length === toStart) {
      this.runs[this.runs.length - 1] = { ...last, length: last.length + length };
    } else {
      this.runs.push({ fromStart, toStart, length });
    }
  }
}

/** Lines with their line breaks (the last may have none). */
export function splitLines(text: string): string[] {
  const lines = text.split(/(?<=\n)/);
  return lines.length === 1 && lines[0] === '' ? [] : lines;
}

function lineOffsets(lines: readonly string[]): number[] {
  const offsets = [0];
  for (const line of lines) offsets.push(offsets[offsets.length - 1] + line.length);
  return offsets;
}
