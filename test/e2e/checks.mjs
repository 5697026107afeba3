// What a person sees of QualSynth in the workbench, each check a step they would take.
// Each returns a line for the log; a failed expectation throws.
import { expect } from './expect.mjs';

/** Text of the status-bar summary, e.g. `19 studies · 42 codes · 180 segments · 0 problems`. */
const COUNTS = /(\d+) studies · (\d+) codes · (\d+) segments · (\d+) problems/;

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
      const item = page.locator('.statusbar-item', { hasText: COUNTS });
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
      const statusText = await page.locator('.statusbar-item', { hasText: COUNTS }).first().innerText();
      expect(COUNTS.exec(message)?.[0] === COUNTS.exec(statusText)?.[0], `notification "${message}" and status bar "${statusText}" disagree`);
      return message.split('\n')[0];
    },
  },
];
