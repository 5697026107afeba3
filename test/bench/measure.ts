/**
 * Timing helpers for the benchmark: medians over repetitions after a warm-up, and
 * percentiles of many short samples. Each sample has the wall time (`performance.now()`)
 * and the process's CPU time (`process.cpuUsage()`, all threads): on a machine busy with
 * other work the wall time grows while the CPU time stays close to an idle run's.
 */

/** One measurement in milliseconds. */
export interface Sample {
  readonly wall: number;
  readonly cpu: number;
}

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

/** Runs `task` once to warm up, then `repetitions` times; returns each run's sample. */
export async function timeRuns(repetitions: number, task: () => unknown, warmUp = 1): Promise<Sample[]> {
  for (let i = 0; i < warmUp; i++) await task();
  const samples: Sample[] = [];
  for (let i = 0; i < repetitions; i++) {
    collectGarbage();
    const cpu = process.cpuUsage();
    const start = performance.now();
    await task();
    samples.push(sampleSince(start, cpu));
  }
  return samples;
}

/** The sample of one synchronous call. */
export function timeOnce(task: () => void): Sample {
  const cpu = process.cpuUsage();
  const start = performance.now();
  task();
  return sampleSince(start, cpu);
}

function sampleSince(start: number, cpu: NodeJS.CpuUsage): Sample {
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** Median wall and CPU times (each the median of its own column). */
export function medianSample(samples: readonly Sample[]): Sample {
  return { wall: median(samples.map((s) => s.wall)), cpu: median(samples.map((s) => s.cpu)) };
}

/** The p-th percentile of the wall and the CPU times. */
export function percentileSample(samples: readonly Sample[], p: number): Sample {
  return { wall: percentile(samples.map((s) => s.wall), p), cpu: percentile(samples.map((s) => s.cpu), p) };
}

/** A full garbage collection when Node runs with `--expose-gc` (so runs start alike). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** `wall ms (cpu ms CPU)`. */
export function formatSample(sample: Sample): string {
  return `${formatMs(sample.wall)} (CPU ${formatMs(sample.cpu)})`;
}

/** `1234.5` → `1,235 ms`, `12.34` → `12.3 ms`, `0.456` → `0.46 ms`. */
export function formatMs(ms: number): string {
  if (ms >= 100) return `${Math.round(ms).toLocaleString('en-US')} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}
