// End-to-end check in a real browser: opens a copy of the demo review in the web
// workbench with QualSynth loaded as a development extension (no test module), looks
// at what a person sees, and saves screenshots to test-results/. Prints the QualSynth
// output channel (activation time) and `N passed, N failed`; exits non-zero on failure.
//
// Usage: node test/e2e/run.mjs [review folder]   (default: examples/peer-support)
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { qualsynthLog } from '../runner/outputChannels.mjs';
import { REPO_ROOT, RESULTS_DIR } from '../runner/paths.mjs';
import { closingLine } from '../runner/results.mjs';
import { withWorkbench } from '../runner/session.mjs';
import { workbenchUrl } from '../runner/workbench.mjs';
import { CHECKS } from './checks.mjs';

const TIMEOUT_MS = 5 * 60_000;

/** The demo review when it is there, else the integration fixture. */
function defaultReview() {
  const demo = join(REPO_ROOT, 'examples/peer-support');
  const isReview = ['qualsynth.yaml', 'codebook.md'].some((file) => existsSync(join(demo, file)));
  return isReview ? demo : join(REPO_ROOT, 'test/fixtures/review-basic');
}

async function runChecks({ server, browser, folder, dataDir }) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('crash', () => console.error('the workbench page crashed'));
  const shoot = (name) => page.screenshot({ path: join(RESULTS_DIR, `e2e-${name}.png`), animations: 'disabled' }).then(() => undefined);
  await page.goto(workbenchUrl({ ...server, folder, extensionDevelopmentPath: REPO_ROOT }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  const counts = { passed: 0, failed: 0 };
  for (const check of CHECKS) {
    try {
      const seen = await check.run(page, shoot);
      counts.passed++;
      console.log(`  ✔ ${check.name}\n      ${seen}`);
    } catch (error) {
      counts.failed++;
      console.log(`  ✘ ${check.name}\n      ${error.message.split('\n')[0]}`);
      await shoot(`failure-${counts.failed}`).catch(() => {});
    }
  }
  process.stdout.write(qualsynthLog(dataDir));
  return counts;
}

async function main() {
  if (!existsSync(join(REPO_ROOT, 'dist/extension.js'))) throw new Error('dist/extension.js missing: run `npm run build` first');
  const review = resolve(process.argv[2] ?? defaultReview());
  console.log(`e2e: ${review}`);
  const counts = await withWorkbench({ label: 'e2e', source: review, timeoutMs: TIMEOUT_MS }, runChecks);
  console.log(`screenshots: ${RESULTS_DIR}`);
  console.log(closingLine(counts));
  return counts.failed === 0 && counts.passed > 0 ? 0 : 1;
}

main().then(
  (exitCode) => process.exit(exitCode),
  (error) => {
    console.error(`e2e check did not complete: ${error.message}`);
    process.exit(1);
  },
);
