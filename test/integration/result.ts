/** The counts a test run ends with. */
export interface TestCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/** Marker that starts the machine-readable result line. */
export const RESULT_MARKER = 'QUALSYNTH_TEST_RESULT';

/** The line `run()` logs at the end, parsed by the runners in `test/runner/`. */
export function formatResultLine(counts: TestCounts): string {
  return `${RESULT_MARKER} ${JSON.stringify(counts)}`;
}
