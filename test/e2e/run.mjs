// End-to-end check in a real browser, in two runs on copies of the demo review:
// 1. QualSynth loaded as a development extension (no test module): what a person sees.
// 2. The packaged extension: `npm run package` builds qualsynth.vsix, the VS Code
//    server's CLI installs it, and the server starts without a development path.
// 3. The development extension on the meta-ethnography fixture: the report preview's
//    in-page links (Contents, eMERGe "In this report") and a study link.
// Then the review's HTML report, opened in the same browser (GRADE-CERQual tables).
// Saves screenshots to test-results/, prints the QualSynth output channel (activation
// time) and `N passed, N failed`; exits non-zero on failure.
//
// Usage: node test/e2e/run.mjs [review folder]   (default: examples/peer-support)
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { qualsynthLog } from '../runner/outputChannels.mjs';
import { REPO_ROOT, RESULTS_DIR } from '../runner/paths.mjs';
import { closingLine } from '../runner/results.mjs';
import { launchBrowser } from '../runner/browser.mjs';
import { withWorkbench } from '../runner/session.mjs';
import { workbenchUrl } from '../runner/workbench.mjs';
import { CHECKS } from './checks.mjs';
import { REPORT_CHECKS } from './reportChecks.mjs';
import { CODING_CHECKS } from './codingChecks.mjs';
import { PREVIEW_LINK_CHECKS, PREVIEW_LINK_REVIEW } from './previewLinkChecks.mjs';
import { PACKAGE_CHECKS, packageVsix } from './vsix.mjs';
import { VSIX_CHECKS } from './vsixChecks.mjs';

const TIMEOUT_MS = 5 * 60_000;

/** The demo review when it is there, else the integration fixture. */
function defaultReview() {
  const demo = join(REPO_ROOT, 'examples/peer-support');
  const isReview = ['qualsynth.yaml', 'codebook.md'].some((file) => existsSync(join(demo, file)));
  return isReview ? demo : join(REPO_ROOT, 'test/fixtures/review-basic');
}

/** Study files under the review's studies/ folder (what the status bar counts). */
function studyCount(review) {
  const dir = join(review, 'studies');
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((name) => String(name).endsWith('.md')).length : 0;
}

/** Runs checks one after another, logging each; a failure does not stop the others. */
async function runEach(checks, counts, run, onFailure = async () => {}) {
  for (const check of checks) {
    try {
      const seen = await run(check);
      counts.passed++;
      console.log(`  ✔ ${check.name}\n      ${seen}`);
    } catch (error) {
      counts.failed++;
      console.log(`  ✘ ${check.name}\n      ${error.message.split('\n')[0]}`);
      await onFailure().catch(() => {});
    }
  }
}

/** Opens the workbench on the copy and runs `checks` in it. */
function browserRun(checks, counts, { extensionDevelopmentPath, studies }) {
  return async ({ server, browser, folder, dataDir }) => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('crash', () => console.error('the workbench page crashed'));
    const shoot = (name) => page.screenshot({ path: join(RESULTS_DIR, `e2e-${name}.png`), animations: 'disabled' }).then(() => undefined);
    await page.goto(workbenchUrl({ ...server, folder, extensionDevelopmentPath }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const context = { folder, dataDir, studies };
    await runEach(checks, counts, (check) => check.run(page, shoot, context), () => shoot(`failure-${counts.failed}`));
    process.stdout.write(qualsynthLog(dataDir));
  };
}

async function main() {
  if (!existsSync(join(REPO_ROOT, 'dist/extension.js'))) throw new Error('dist/extension.js missing: run `npm run build` first');
  const review = resolve(process.argv[2] ?? defaultReview());
  const counts = { passed: 0, failed: 0 };
  const started = Date.now();
  console.log(`e2e (package): npm run package`);
  const pkg = packageVsix();
  await runEach(PACKAGE_CHECKS, counts, (check) => check.run(pkg));
  console.log(`e2e (development extension): ${review}`);
  await withWorkbench({ label: 'e2e', source: review, timeoutMs: TIMEOUT_MS }, browserRun([...CHECKS, ...CODING_CHECKS], counts, { extensionDevelopmentPath: REPO_ROOT }));
  console.log(`e2e (installed ${pkg.path}): ${review}`);
  await withWorkbench({ label: 'e2e-vsix', source: review, timeoutMs: TIMEOUT_MS, install: [pkg.path] }, browserRun(VSIX_CHECKS, counts, { studies: studyCount(review) }));
  console.log(`e2e (report preview links): ${PREVIEW_LINK_REVIEW}`);
  await withWorkbench({ label: 'e2e-preview-links', source: PREVIEW_LINK_REVIEW, timeoutMs: TIMEOUT_MS }, browserRun(PREVIEW_LINK_CHECKS, counts, { extensionDevelopmentPath: REPO_ROOT }));
  console.log(`e2e (HTML report): ${review}`);
  const browser = await launchBrowser();
  await runEach(REPORT_CHECKS, counts, (check) => check.run(browser, review)).finally(() => browser.close());
  console.log(`screenshots: ${RESULTS_DIR}; e2e took ${((Date.now() - started) / 1000).toFixed(1)} s`);
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
