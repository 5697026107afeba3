/**
 * The coding stripes of a study: for each line, the codes of the passages that cover
 * part of it, each in a lane (a column beside the text). A code keeps its lane through
 * the study, and codes that never share a line share a lane, so overlapping codes stand
 * side by side as in MAXQDA and NVivo with as few lanes as possible.
 */
import type { Study } from '../model';

/** The stripes of one run of lines that look the same. */
export interface StripeRun {
  /** First and last line (0-based, inclusive). */
  readonly startLine: number;
  readonly endLine: number;
  /** The code drawn in each lane (`undefined`: empty lane); at most `maxLanes` lanes. */
  readonly lanes: readonly (string | undefined)[];
  /** Every code on these lines, in lane order (lanes beyond `maxLanes` too). */
  readonly codes: readonly string[];
  /** True when some code's lane is beyond `maxLanes` (drawn as one "more" mark). */
  readonly overflow: boolean;
}

/** The stripes of a study, runs of identical lines in line order. */
export function codingStripes(study: Study, maxLanes: number): StripeRun[] {
  const linesOf = codeLines(study);
  const lanes = assignLanes(linesOf);
  const byLine = new Map<number, string[]>();
  for (const [code, ranges] of linesOf) {
    for (const [start, end] of ranges) for (let line = start; line <= end; line++) byLine.set(line, [...(byLine.get(line) ?? []), code]);
  }
  const runs: StripeRun[] = [];
  for (const line of [...byLine.keys()].sort((a, b) => a - b)) {
    const codes = byLine.get(line)!.sort((a, b) => lanes.get(a)! - lanes.get(b)!);
    const drawn: (string | undefined)[] = Array.from({ length: Math.min(maxLanes, 1 + Math.max(...codes.map((code) => lanes.get(code)!))) }, () => undefined);
    for (const code of codes) if (lanes.get(code)! < maxLanes) drawn[lanes.get(code)!] = code;
    const run = { startLine: line, endLine: line, lanes: drawn, codes, overflow: codes.some((code) => lanes.get(code)! >= maxLanes) };
    const last = runs[runs.length - 1];
    if (last && last.endLine === line - 1 && sameRun(last, run)) runs[runs.length - 1] = { ...last, endLine: line };
    else runs.push(run);
  }
  return runs;
}

/** Each code's line ranges (merged, sorted), in order of its first line. */
function codeLines(study: Study): Map<string, Array<[number, number]>> {
  const ranges = new Map<string, Array<[number, number]>>();
  for (const segment of study.segments) {
    const start = segment.range.startPosition.line;
    const end = Math.max(start, segment.range.endPosition.column === 0 ? segment.range.endPosition.line - 1 : segment.range.endPosition.line);
    for (const code of segment.codes) ranges.set(code, [...(ranges.get(code) ?? []), [start, end]]);
  }
  const merged = new Map<string, Array<[number, number]>>();
  const byFirstLine = [...ranges].map(([code, list]) => [code, mergeRanges(list)] as const).sort((a, b) => a[1][0][0] - b[1][0][0] || (a[0] < b[0] ? -1 : 1));
  for (const [code, list] of byFirstLine) merged.set(code, list);
  return merged;
}

/** The lowest lane whose codes never share a line with this one, code by code. */
function assignLanes(linesOf: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>>): Map<string, number> {
  const lanes = new Map<string, number>();
  const taken: Array<Array<readonly [number, number]>> = [];
  for (const [code, ranges] of linesOf) {
    let lane = taken.findIndex((used) => !ranges.some(([start, end]) => used.some(([from, to]) => start <= to && from <= end)));
    if (lane === -1) lane = taken.push([]) - 1;
    taken[lane].push(...ranges);
    lanes.set(code, lane);
  }
  return lanes;
}

function mergeRanges(list: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...list].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

function sameRun(a: StripeRun, b: StripeRun): boolean {
  return a.overflow === b.overflow && a.codes.join('\u0000') === b.codes.join('\u0000') && a.lanes.join('\u0000') === b.lanes.join('\u0000');
}
