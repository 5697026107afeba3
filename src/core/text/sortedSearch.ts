/** Binary searches over ascending number lists (line starts, offsets, block starts). */

/** The first index whose value is at least `value` (the list's length when none is). */
export function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first index whose value is above `value` (the list's length when none is). */
export function upperBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The index of the last value at or below `value` (0 when none is: the first line or
 * piece holds everything before it).
 */
export function lastAtOrBelow(sorted: readonly number[], value: number): number {
  return Math.max(0, upperBound(sorted, value) - 1);
}
