/**
 * The study merge written twice, once preferring each side where they conflict, made
 * into one file: lines both writings share are written once, and where they differ
 * git-style conflict markers hold ours above theirs — only around those lines.
 */
import { changedRanges } from './changedRanges';
import { splitLines } from './offsetMap';

/** The names written after the conflict markers. */
export interface ConflictLabels {
  readonly ours: string;
  readonly theirs: string;
}

/** A merged file and how many conflicts it holds. */
export interface MergedText {
  readonly text: string;
  readonly conflicts: number;
}

/** One file from the writings preferring ours and theirs, with markers where they differ. */
export function withConflictMarkers(ours: string, theirs: string, labels: ConflictLabels = { ours: 'ours', theirs: 'theirs' }): MergedText {
  if (ours === theirs) return { text: ours, conflicts: 0 };
  const oursLines = splitLines(ours);
  const eol = /\r\n/.test(ours || theirs) ? '\r\n' : '\n';
  const out: string[] = [];
  let line = 0;
  let conflicts = 0;
  const theirsLines = splitLines(theirs);
  for (const hunk of changedRanges(oursLines, theirsLines)) {
    out.push(...oursLines.slice(line, hunk.fromStart));
    const [mine, other] = [oursLines.slice(hunk.fromStart, hunk.fromStart + hunk.fromLength), theirsLines.slice(hunk.toStart, hunk.toStart + hunk.toLength)];
    out.push(`<<<<<<< ${labels.ours}${eol}`, ...endingLines(mine, eol), `=======${eol}`, ...endingLines(other, eol), `>>>>>>> ${labels.theirs}${eol}`);
    line = hunk.fromStart + hunk.fromLength;
    conflicts++;
  }
  out.push(...oursLines.slice(line));
  return { text: out.join(''), conflicts };
}

/** Lines with a line break after the last, so the marker after them starts a line (as git does). */
function endingLines(lines: readonly string[], eol: string): string[] {
  const last = lines[lines.length - 1];
  return last === undefined || last.endsWith('\n') ? [...lines] : [...lines.slice(0, -1), last + eol];
}
