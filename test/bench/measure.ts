/**
 * Timing helpers for the benchmark: medians over repetitions after a warm-up, and
 * percentiles of many short samples. Times are milliseconds from `performance.now()`.
 */

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (nearest rank) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Runs `task` once to warm up, then `repetitions` times; returns each run's milliseconds. */
export async function timeRuns(repetitions: number, task: () => unknown, warmUp = 1): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await task();
  const times: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    collectGarbage();
    const start = performance.now();
    await task();
    times.push(performance.now() - start);
  }
  return times;
}

/** Milliseconds of one synchronous call. */
export function timeOnce(task: () => void): number {
  const start = performance.now();
  task();
  return performance.now() - start;
}

/** A full garbage collection when Node runs with `--expose-gc` (so runs start alike). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** `1234.5` → `1,235 ms`, `12.34` → `12.3 ms`, `0.456` → `0.46 ms`. */
export function formatMs(ms: number): string {
  if (ms >= 100) return `${Math.round(ms).toLocaleString('en-US')} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}
