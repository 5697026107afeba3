// Adds up the test counts in the log of `npm test`, for one closing line in CI:
// mocha's `N passing` / `N failing` / `N pending` (unit tests) and the runners'
// `N passed, N failed[, N skipped]` lines (integration, e2e). Lines relayed from
// inside VS Code start with `[vscode`, so they are not counted twice.
//
// Usage: node test/runner/totals.mjs npm-test.log
import { readFileSync } from 'node:fs';
import { closingLine } from './results.mjs';

const totals = { passed: 0, failed: 0, skipped: 0 };
const MOCHA = /^\s*(\d+) (passing|failing|pending)\b/;
const RUNNER = /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/;
const MOCHA_KEY = { passing: 'passed', failing: 'failed', pending: 'skipped' };

for (const line of readFileSync(process.argv[2], 'utf8').split('\n')) {
  const mocha = MOCHA.exec(line);
  if (mocha) totals[MOCHA_KEY[mocha[2]]] += Number(mocha[1]);
  const runner = RUNNER.exec(line);
  if (runner) {
    totals.passed += Number(runner[1]);
    totals.failed += Number(runner[2]);
    totals.skipped += Number(runner[3] ?? 0);
  }
}
console.log(`total: ${closingLine(totals)}`);
