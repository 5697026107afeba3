// The coding loop as a person does it, by keyboard only: open a study (Ctrl+P), find a
// passage (Ctrl+F, Enter, Escape leaves it selected), Ctrl+Alt+C, type a code, Enter;
// then a new code; then Ctrl+Alt+R for the recent code. The file on disk is compared
// whole. Then the coding stripes beside the text (the README screenshot, with the hover
// that names a line's codes) and the Markdown preview tinted as the editor tints.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR } from '../runner/paths.mjs';
import { expect } from './expect.mjs';

/** The README's screenshot of the stripes. */
export const STRIPES_SCREENSHOT = join(RESULTS_DIR, 'coding-stripes.png');

const STUDY = 'studies/abernethy-2004.md';

/** The three codings: the words found, the keys that code them, the span they become. */
const CODINGS = [
  { find: 'I never once felt like a case', keys: [['type', 'being-understood'], ['press', 'Enter']], code: 'being-understood' },
  { find: 'Not every day. But I go out.', keys: [['type', 'going-out'], ['press', 'Enter']], code: 'going-out' },
  { find: 'told the peer worker things they had kept', keys: [], recent: true, code: 'going-out' },
];

/** @type {Array<{ name: string, run: (page: import('playwright-core').Page, shoot: (name: string) => Promise<void>, context: { folder: string }) => Promise<string> }>} */
export const CODING_CHECKS = [
  {
    name: 'coding three passages by keyboard only: Ctrl+Alt+C + a code + Enter, a new code, Ctrl+Alt+R',
    async run(page, shoot, { folder }) {
      const path = join(folder, STUDY);
      const before = readFileSync(path, 'utf8');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+P');
      await page.keyboard.type('abernethy-2004.md');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'abernethy-2004.md' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.tabs-container .tab.active', { hasText: 'abernethy-2004.md' }).waitFor({ timeout: 15_000 });
      await editorFocused(page);
      for (const coding of CODINGS) {
        await selectByFind(page, coding.find);
        if (coding.recent) {
          await page.keyboard.press('Control+Alt+R');
        } else {
          await page.keyboard.press('Control+Alt+C');
          await page.locator('.quick-input-widget input[placeholder^="Type a code"]').waitFor({ timeout: 15_000 });
          for (const [kind, value] of coding.keys) await (kind === 'type' ? page.keyboard.type(value, { delay: 20 }) : page.keyboard.press(value));
          await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 15_000 });
        }
        await page.locator('.view-line', { hasText: `]{#${coding.code}}` }).first().waitFor({ timeout: 15_000 });
      }
      await page.keyboard.press('Control+S');
      const expected = CODINGS.reduce((text, coding) => text.replace(coding.find, `[${coding.find}]{#${coding.code}}`), before);
      await waitForFile(path, expected);
      await shoot('coded-by-keyboard');
      return `${CODINGS.map((coding) => `#${coding.code}`).join(', ')} applied; ${STUDY} on disk is the original with exactly those three spans`;
    },
  },
  {
    name: 'coding stripes beside the text, and a hover on a line\'s start names its codes',
    async run(page, shoot) {
      const stripes = page.locator('.monaco-editor .glyph-margin-widgets .cgmr');
      await stripes.first().waitFor({ timeout: 15_000 });
      const count = await stripes.count();
      expect(count >= 5, `only ${count} stripe images in the glyph margin`);
      const line = page.locator('.view-line', { hasText: 'Several said they' }).first();
      const box = await line.boundingBox();
      expect(box, 'the coded line is not visible');
      // The mouse comes from the stripe to the line's first character, as a person's would.
      await page.keyboard.press('Control+B');
      await page.waitForTimeout(500);
      const moved = await line.boundingBox();
      await page.mouse.move(moved.x - 30, moved.y + moved.height / 2);
      await page.mouse.move(moved.x + 5, moved.y + moved.height / 2, { steps: 8 });
      const hover = page.locator('.monaco-hover', { hasText: 'Coding stripes' }).first();
      const byMouse = await hover.waitFor({ timeout: 5_000 }).then(() => true, () => false);
      if (!byMouse) {
        await page.mouse.move(10, 10);
        await selectByFind(page, 'Several said they');
        await page.keyboard.press('Home');
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        await hover.waitFor({ timeout: 10_000 });
      }
      console.log('      (hover shown by ' + (byMouse ? 'mouse' : 'keyboard') + ')');
      await page.waitForTimeout(500);
      await page.locator('.editor-group-container.active').screenshot({ path: STRIPES_SCREENSHOT, animations: 'disabled' });
      await page.keyboard.press('Control+B');
      await shoot('coding-stripes');
      const named = (await hover.innerText()).replace(/\s+/g, ' ').trim();
      expect(/#going-out/.test(named), `the hover names ${named}`);
      return `${count} stripe images; hover: ${named}; screenshot ${STRIPES_SCREENSHOT}`;
    },
  },
  {
    name: 'the Markdown preview tints a coded span with the colour the editor tints it with',
    async run(page, shoot) {
      await page.mouse.move(10, 10);
      const editorColours = await page.evaluate(() => [...document.querySelectorAll('.monaco-editor .view-overlays .cdr')].map((element) => getComputedStyle(element).backgroundColor));
      await page.keyboard.press('F1');
      await page.keyboard.type('>Markdown: Open Preview to the Side');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Open Preview to the Side' }).first().waitFor();
      await page.keyboard.press('Enter');
      const preview = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
      const mark = preview.locator('mark.qualsynth-span', { hasText: 'told the peer worker' }).first();
      await mark.waitFor({ timeout: 30_000 });
      const previewColour = await mark.evaluate((element) => getComputedStyle(element).backgroundColor);
      await shoot('markdown-preview');
      expect(editorColours.includes(previewColour), `preview ${previewColour} is none of the editor's tints ${[...new Set(editorColours)].join(' ')}`);
      return `the span "told the peer worker…" is ${previewColour} in the preview and in the editor`;
    },
  },
];

/** Selects `text` in the active editor: Ctrl+F, type, Enter, Escape (the match stays selected). */
async function selectByFind(page, text) {
  await page.keyboard.press('Control+F');
  // Keys typed before the find widget has focus would go into the study.
  await page.waitForFunction(() => document.activeElement?.closest('.find-widget') !== null, undefined, { timeout: 10_000 });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  // Escape first hides a notification toast when one shows (the new-code note), then the find widget.
  for (let presses = 0; presses < 3 && (await page.locator('.find-widget.visible').count()) > 0; presses++) {
    await page.keyboard.press('Escape');
    await page.waitForTimeout(150);
  }
  await editorFocused(page);
  // The status bar shows the selection: exactly the words found.
  await page.locator('.statusbar-item', { hasText: `(${text.length} selected)` }).first().waitFor({ timeout: 10_000 });
}

/** Waits until the keyboard goes to a text editor. */
async function editorFocused(page) {
  await page.waitForFunction(() => document.activeElement?.closest('.monaco-editor') !== null && document.activeElement?.closest('.find-widget') === null, undefined, { timeout: 10_000 });
}

/** Waits until the file on disk holds `expected` (the save is asynchronous). */
async function waitForFile(path, expected) {
  const deadline = Date.now() + 15_000;
  let text = readFileSync(path, 'utf8');
  while (text !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    text = readFileSync(path, 'utf8');
  }
  expect(text === expected, `the study on disk differs from the original plus the three spans: ${firstDifference(text, expected)}`);
}

function firstDifference(actual, expected) {
  let index = 0;
  while (index < actual.length && actual[index] === expected[index]) index++;
  return `at ${index}: got ${JSON.stringify(actual.slice(index, index + 80))}, wanted ${JSON.stringify(expected.slice(index, index + 80))}`;
}
