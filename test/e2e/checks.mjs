// What a person sees of QualSynth in the workbench, each check a step they would take.
// Each returns a line for the log; a failed expectation throws.
import { join } from 'node:path';
import { RESULTS_DIR } from '../runner/paths.mjs';
import { expect } from './expect.mjs';

/** Text of the summary notification, e.g. `19 studies · 42 codes · 180 segments · 0 problems`. */
const COUNTS = /(\d+) stud(?:y|ies) · (\d+) codes? · (\d+) segments? · (\d+) problems?/;
/** Text of the status-bar item, e.g. `19 studies · 42 codes · 180 segments  0` (icons are not text). */
const STATUS = /(\d+) stud(?:y|ies) · (\d+) codes? · (\d+) segments?\s*(\d+)/;

/** The screenshots for the README: Themes view, a hover on a tag, the report preview. */
export const THEMES_SCREENSHOT = join(RESULTS_DIR, 'themes-view.png');
export const HOVER_SCREENSHOT = join(RESULTS_DIR, 'hover.png');
export const PREVIEW_SCREENSHOT = join(RESULTS_DIR, 'report-preview.png');

/**
 * @typedef {object} Check
 * @property {string} name
 * @property {(page: import('playwright-core').Page, shoot: (name: string) => Promise<void>) => Promise<string>} run
 */

/** @type {Check[]} */
export const CHECKS = [
  {
    name: 'the status bar shows the review counts',
    async run(page, shoot) {
      const item = page.locator('.statusbar-item', { hasText: STATUS });
      await item.first().waitFor({ timeout: 30_000 });
      await shoot('status-bar');
      return (await item.first().innerText()).trim();
    },
  },
  {
    name: 'F1 › QualSynth: Show Index Summary shows the counts in a notification',
    async run(page, shoot) {
      await page.locator('.monaco-workbench').click({ position: { x: 600, y: 300 } });
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill('>QualSynth: Show Index Summary');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'QualSynth: Show Index Summary' }).first().waitFor();
      await shoot('command-palette');
      await page.keyboard.press('Enter');
      const toast = page.locator('.notification-toast', { hasText: 'QualSynth:' });
      await toast.first().waitFor({ timeout: 15_000 });
      await shoot('notification');
      const message = (await toast.first().innerText()).trim();
      expect(COUNTS.test(message), `notification without counts: ${message}`);
      const statusText = await page.locator('.statusbar-item', { hasText: STATUS }).first().innerText();
      const [notified, shown] = [COUNTS.exec(message)?.slice(1), STATUS.exec(statusText)?.slice(1)];
      expect(notified?.join() === shown?.join(), `notification "${message}" and status bar "${statusText}" disagree`);
      return message.split('\n')[0];
    },
  },
  {
    name: 'the QualSynth activity-bar icon opens the Themes view; a theme and a code expand to their segments',
    async run(page, shoot) {
      await page.keyboard.press('Escape');
      await page.locator('.activitybar .action-label[aria-label^="QualSynth"]').first().click();
      const themes = await expandedPane(page, 'Themes');
      await collapsePane(page, 'Studies');
      await widenSidebar(page, 560);
      const rows = themes.locator('.monaco-list-row');
      const level = (n) => themes.locator(`.monaco-list-row[aria-level="${n}"]`);
      const theme = level(1).first();
      await theme.waitFor({ timeout: 30_000 });
      const themeTitle = (await theme.locator('.label-name').innerText()).trim();
      await expand(theme, level(2).first());
      // A theme lists its memos first (leaves); its first expandable child in the demo is a sub-theme: open it too.
      const child = themes.locator('.monaco-list-row[aria-level="2"][aria-expanded]').first();
      if (!(await child.locator('.label-name').innerText()).startsWith('#')) await expand(child, level(3).first());
      const code = rows.filter({ has: page.locator('.label-name', { hasText: /^#/ }) }).first();
      await code.waitFor();
      const codeText = `${(await code.locator('.label-name').innerText()).trim()} (${(await code.locator('.label-description').innerText()).trim()})`;
      expect(/^#\S+ \(\d+ segments? · \d+ stud(y|ies)( · \d+ memos?)?\)$/.test(codeText), `code row without counts: ${codeText}`);
      const segment = rows.filter({ has: page.locator('.codicon-quote, .codicon-comment') }).first();
      await expand(code, segment);
      const segmentText = `${(await segment.locator('.label-name').innerText()).trim()}: ${(await segment.locator('.label-description').innerText()).trim()}`;
      await segment.click();
      const tab = page.locator('.tabs-container .tab.active');
      await tab.waitFor();
      const opened = (await tab.innerText()).trim();
      expect(/\.md$/.test(opened), `the segment opened no study: active tab "${opened}"`);
      await page.locator('.monaco-editor .selected-text').first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(2000);
      await page.screenshot({ path: THEMES_SCREENSHOT, animations: 'disabled' });
      await shoot('themes-view');
      return `${themeTitle} › ${codeText} › ${segmentText.slice(0, 60)}… opened ${opened}; screenshot ${THEMES_SCREENSHOT}`;
    },
  },
  {
    name: 'hovering a tag in the open study shows its definition, themes and counts',
    async run(page, shoot) {
      const editor = page.locator('.monaco-editor').first();
      await editor.click({ position: { x: 300, y: 120 } });
      // Find a tag, close the find widget (the match stays selected), then Show Hover.
      await page.keyboard.press('Control+F');
      await page.keyboard.type('#staff-prejudice');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Control+K');
      await page.keyboard.press('Control+I');
      const hover = page.locator('.monaco-hover', { hasText: 'Reveal in Themes view' });
      await hover.first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: HOVER_SCREENSHOT, animations: 'disabled' });
      await shoot('hover');
      const text = (await hover.first().innerText()).replace(/\s+/g, ' ').trim();
      expect(/#staff-prejudice/.test(text) && /\d+ segments · \d+ studies/.test(text), `hover without the code and its counts: ${text}`);
      return text.slice(0, 120);
    },
  },
  {
    name: 'F1 › QualSynth: Preview Synthesis Report opens the report beside the study',
    async run(page, shoot) {
      await page.keyboard.press('Escape');
      const report = await openReportPreview(page);
      const title = report.locator('main#report h1');
      await title.waitFor({ timeout: 30_000 });
      await page.waitForTimeout(1000);
      await page.screenshot({ path: PREVIEW_SCREENSHOT, animations: 'disabled' });
      await shoot('report-preview');
      const heading = (await title.innerText()).trim();
      const tables = await report.locator('table').count();
      expect(tables >= 3, `the preview shows ${tables} tables`);
      return `"${heading}", ${tables} tables; screenshot ${PREVIEW_SCREENSHOT}`;
    },
  },
];

/** F1 › QualSynth: Preview Synthesis Report, by keyboard; resolves to the preview's frame. */
export async function openReportPreview(page) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill('>QualSynth: Preview Synthesis Report');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preview Synthesis Report' }).first().waitFor();
  await page.keyboard.press('Enter');
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** The header of the sidebar pane with this title. */
async function paneHeader(page, title) {
  const header = page.locator('.sidebar .pane-header', { has: page.locator('h3.title', { hasText: new RegExp(`^${title}$`, 'i') }) }).first();
  await header.waitFor({ timeout: 30_000 });
  return header;
}

/** The sidebar pane with this title, expanded (views may start collapsed). */
async function expandedPane(page, title) {
  const header = await paneHeader(page, title);
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await header.and(page.locator('[aria-expanded="true"]')).waitFor();
  return header.locator('xpath=..');
}

/** Collapses the sidebar pane with this title, so the others get its height. */
async function collapsePane(page, title) {
  const header = await paneHeader(page, title);
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
}

/** Drags the sidebar's edge so it is `width` pixels wide (long theme titles stay readable). */
async function widenSidebar(page, width) {
  const box = await page.locator('.part.sidebar').boundingBox();
  if (!box || box.width >= width) return;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width, y);
  await page.mouse.down();
  await page.mouse.move(box.x + width, y, { steps: 8 });
  await page.mouse.up();
}

/** Expands a tree row (unless it is) and waits for `firstChild` to show. */
async function expand(row, firstChild) {
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await firstChild.waitFor({ timeout: 15_000 });
}
