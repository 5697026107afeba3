/**
 * The index of the last value at or below `value` in ascending `sorted` (0 when none
 * is: the first line or piece holds everything before it). Binary search.
 */
export function lastAtOrBelow(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (sorted[middle] <= value) low = middle;
    else high = middle - 1;
  }
  return low;
}
