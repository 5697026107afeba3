/**
 * The text edits that turn one text into another, one per changed run of lines with
 * the unchanged characters at its ends left out: a rewritten study becomes edits that
 * touch only what changed, as one undoable workspace edit.
 */
import { changedRanges } from '../merge/changedRanges';
import { splitLines } from '../merge/offsetMap';
import type { TextEdit } from './textEdit';

/** Edits of `path` from `before` to `after` (none when equal). */
export function editsBetween(path: string, before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const oldLines = splitLines(before);
  const newLines = splitLines(after);
  const oldOffsets = offsets(oldLines);
  const newOffsets = offsets(newLines);
  const edits: TextEdit[] = [];
  for (const hunk of changedRanges(oldLines, newLines)) {
    let start = oldOffsets[hunk.fromStart];
    let end = oldOffsets[hunk.fromStart + hunk.fromLength];
    let newStart = newOffsets[hunk.toStart];
    let newEnd = newOffsets[hunk.toStart + hunk.toLength];
    while (start < end && newStart < newEnd && before[start] === after[newStart]) {
      start++;
      newStart++;
    }
    while (end > start && newEnd > newStart && before[end - 1] === after[newEnd - 1]) {
      end--;
      newEnd--;
    }
    edits.push({ path, start, end, newText: after.slice(newStart, newEnd) });
  }
  return edits;
}

function offsets(lines: readonly string[]): number[] {
  const out = [0];
  for (const line of lines) out.push(out[out.length - 1] + line.length);
  return out;
}
