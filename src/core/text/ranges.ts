/** Half-open ranges [start, end) of a text, as pairs of offsets. */

/** A half-open range [start, end). */
export type OffsetRange = readonly [number, number];

/** Sorted, non-overlapping ranges covering the same characters (empty ranges dropped; touching ones joined). */
export function mergeRanges(ranges: readonly OffsetRange[]): Array<[number, number]> {
  const sorted = ranges.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
