// The HTML report of the demo review in a real browser: the GRADE-CERQual Summary of
// Qualitative Findings and Evidence Profile render as tables with a row per finding.
// Saves their screenshots to test-results/ (the README's are copies of them).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, RESULTS_DIR } from '../runner/paths.mjs';
import { expect } from './expect.mjs';

/** The screenshots, for the README. */
export const SOQF_SCREENSHOT = join(RESULTS_DIR, 'cerqual-soqf.png');
export const PROFILE_SCREENSHOT = join(RESULTS_DIR, 'cerqual-evidence-profile.png');

/** Writes the review's HTML report with the built CLI into a new folder; returns the file. */
function renderReport(review) {
  const out = mkdtempSync(join(tmpdir(), 'qualsynth-e2e-report-'));
  execFileSync(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), 'report', review, '--format', 'html', '--out', out], { stdio: 'pipe' });
  return { file: join(out, 'synthesis.html'), cleanup: () => rmSync(out, { recursive: true, force: true }) };
}

/**
 * Screenshots a section: its heading down to the end of the first table after it, or
 * of its `shown`-th row; checks the table has `rows` rows.
 */
async function shootSection(page, title, path, rows, shown = rows) {
  const heading = page.locator('h2', { hasText: title });
  const table = page.locator(`h2:has-text("${title}") ~ table`).first();
  await table.waitFor();
  const count = await table.locator('tbody tr').count();
  expect(count === rows, `${title}: ${count} rows, expected ${rows}`);
  const top = await heading.boundingBox();
  const box = await table.boundingBox();
  const last = await table.locator('tbody tr').nth(shown - 1).boundingBox();
  const bottom = last.y + last.height;
  await page.screenshot({ path, fullPage: true, clip: { x: box.x - 16, y: top.y - 8, width: box.width + 32, height: bottom - top.y + 16 } });
  return count;
}

/**
 * The checks, given a launched browser and the review folder.
 * @type {Array<{ name: string, run: (browser: import('playwright-core').Browser, review: string) => Promise<string> }>}
 */
export const REPORT_CHECKS = [
  {
    name: 'the HTML report shows the Summary of Qualitative Findings and the Evidence Profile, a row per finding',
    async run(browser, review) {
      const { file, cleanup } = renderReport(review);
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      try {
        await page.goto(pathToFileURL(file).href);
        const findings = await page.locator('h2:has-text("Summary of qualitative findings") ~ table').first().locator('tbody tr').count();
        expect(findings > 0, 'the SoQF has no rows');
        await shootSection(page, 'Summary of qualitative findings', SOQF_SCREENSHOT, findings);
        // The profile's rows are tall (every component's data): the first two show what it holds.
        await shootSection(page, 'GRADE-CERQual Evidence Profile', PROFILE_SCREENSHOT, findings, 2);
        return `${findings} findings in both tables; screenshots ${SOQF_SCREENSHOT}, ${PROFILE_SCREENSHOT}`;
      } finally {
        await page.close();
        cleanup();
      }
    },
  },
];
