// Reading the integration suites' result back out of the extension host's log, and
// the closing line every runner prints.

/** Same marker as `test/integration/result.ts` writes. */
const RESULT_LINE = /QUALSYNTH_TEST_RESULT (\{.*?\})/;

/**
 * The counts in a log message, or `undefined` when it holds none.
 * @param {string} message
 * @returns {{ passed: number, failed: number, skipped: number } | undefined}
 */
export function parseResultLine(message) {
  const match = RESULT_LINE.exec(message);
  return match ? JSON.parse(match[1]) : undefined;
}

/**
 * The closing line CI reads: `N passed, N failed` (`, N skipped` when any were).
 * @param {{ passed: number, failed: number, skipped?: number }} counts
 */
export function closingLine({ passed, failed, skipped = 0 }) {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}
