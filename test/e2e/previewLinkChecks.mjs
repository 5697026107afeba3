// The report preview's links, clicked as a person would in the meta-ethnography fixture:
// a Contents entry and an eMERGe "In this report" link scroll the preview to their
// heading (the webview never navigates; VS Code's webview host does the scrolling, see
// media/reportPreview.js); every in-page link names an id of the preview; a study link
// still opens the study at its line.
import { join } from 'node:path';
import { REPO_ROOT } from '../runner/paths.mjs';
import { openReportPreview } from './checks.mjs';
import { expect } from './expect.mjs';

/** The review these checks open: its report has Contents and an eMERGe table. */
export const PREVIEW_LINK_REVIEW = join(REPO_ROOT, 'test/fixtures/report/meta-ethnography');

/** How far below the preview's top a heading scrolled to may sit (CSS pixels). */
const NEAR_TOP = 4;

/** The top of the heading with this id in the preview's viewport. */
const topOf = (report, id) => report.locator(`[id="${id}"]`).evaluate((heading) => heading.getBoundingClientRect().top);

/** Clicks `link` and waits until the heading it names is at the preview's top; returns that top. */
async function clickToHeading(report, link, id) {
  const before = await topOf(report, id);
  expect(Math.abs(before) > 100, `#${id} is already at the top (${before}px) before the click`);
  await link.click();
  let top = before;
  for (let tries = 0; tries < 20 && Math.abs(top) > NEAR_TOP; tries++) {
    await report.locator('body').evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    top = await topOf(report, id);
  }
  expect(Math.abs(top) <= NEAR_TOP, `after clicking ${await link.getAttribute('href')}, #${id} is at ${Math.round(top)}px from the preview's top (was ${Math.round(before)}px)`);
  return { before, top };
}

/** @type {Array<{ name: string, run: (page: import('playwright-core').Page, shoot: (name: string) => Promise<void>) => Promise<string> }>} */
export const PREVIEW_LINK_CHECKS = [
  {
    name: 'the report preview: a Contents link and an eMERGe "In this report" link scroll to their heading',
    async run(page, shoot) {
      await page.locator('.statusbar-item', { hasText: /\d+ stud(?:y|ies) · \d+ codes?/ }).first().waitFor({ timeout: 60_000 });
      const report = await openReportPreview(page);
      await report.locator('main#report nav.contents').waitFor({ timeout: 30_000 });
      const dangling = await report.locator('main#report').evaluate((main) =>
        [...main.querySelectorAll('a[href^="#"]')].map((link) => link.getAttribute('href')).filter((href) => !document.getElementById(decodeURIComponent(href.slice(1)))),
      );
      const anchors = await report.locator('main#report a[href^="#"]').count();
      expect(anchors > 20 && dangling.length === 0, `${anchors} in-page links, ${dangling.length} to no id of the preview: ${dangling.join(' ')}`);
      const contents = await clickToHeading(report, report.locator('nav.contents a[href="#emerge-reporting-items"]'), 'emerge-reporting-items');
      const item = report.locator('h2#emerge-reporting-items ~ table').first().locator('td a[href="#translation-of-concepts"]').first();
      const inReport = await clickToHeading(report, item, 'translation-of-concepts');
      await shoot('preview-anchor');
      return `${anchors} in-page links, all to ids of the preview; Contents › eMERGe reporting items: ${Math.round(contents.before)} → ${Math.round(contents.top)}px; eMERGe › Translation of concepts: ${Math.round(inReport.before)} → ${Math.round(inReport.top)}px; screenshot e2e-preview-anchor.png`;
    },
  },
  {
    name: 'the report preview: a study link still opens the study at the quoted line',
    async run(page, shoot) {
      const report = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      const link = report.locator('main#report a[href*=".md#L"]').first();
      const href = await link.getAttribute('href');
      const [, file, line] = /([^/]+\.md)#L(\d+)$/.exec(href) ?? [];
      expect(file, `no study link in the preview (first: ${href})`);
      await link.click();
      await page.locator('.tabs-container .tab.active', { hasText: file }).waitFor({ timeout: 15_000 });
      const cursor = page.locator('.statusbar-item', { hasText: new RegExp(`^\\s*Ln ${line}, Col 1\\b`) });
      await cursor.first().waitFor({ timeout: 10_000 });
      await shoot('preview-study-link');
      return `${href} opened ${file} at ${(await cursor.first().innerText()).trim()}`;
    },
  },
];
