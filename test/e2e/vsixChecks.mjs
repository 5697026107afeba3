// What a person sees after installing qualsynth.vsix into a VS Code server (no
// development path): the extension activates on the demo review, a .qdpx imports from
// the Explorer's context menu, New Review… works from the command palette, Ctrl+Alt+S
// shows a code's segments, and the walkthrough opens and its first button works.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { REPO_ROOT } from '../runner/paths.mjs';
import { expect } from './expect.mjs';

/** The files New Review… writes. */
const REVIEW_FILES = ['qualsynth.yaml', 'codebook.md', 'studies/example-2020.md'];

/**
 * @typedef {object} VsixContext
 * @property {string} folder The workspace copy, on the server's (here: this) machine.
 * @property {string} dataDir The server's data folder.
 * @property {number} studies How many studies the review holds.
 */

/** @type {Array<{ name: string, run: (page: import('playwright-core').Page, shoot: (name: string) => Promise<void>, context: VsixContext) => Promise<string> }>} */
export const VSIX_CHECKS = [
  {
    name: "the installed extension's merge driver (dist/cli.js, which Set Up Team Merging registers) merges two coders' tags on one line",
    async run(_page, _shoot, { dataDir }) {
      const [installed] = readdirSync(join(dataDir, 'extensions')).filter((name) => name.startsWith('qualsynth.qualsynth-'));
      const cli = join(dataDir, 'extensions', installed, 'dist', 'cli.js');
      expect(existsSync(cli), `${cli} is not in the package: git would fall back to git merge-file`);
      const dir = mkdtempSync(join(tmpdir(), 'qualsynth-vsix-merge-'));
      const base = '---\nid: smith-2020\n---\nFirst line of findings.\n';
      const files = { O: base, A: base.replace('findings.', 'findings. #stigma'), B: base.replace('findings.', 'findings. #trust') };
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
      const merged = spawnSync(process.execPath, [cli, 'merge-driver', 'O', 'A', 'B', 'studies/smith-2020.md'], { cwd: dir, encoding: 'utf8' });
      expect(merged.status === 0, `merge-driver exited ${merged.status}: ${merged.stderr}`);
      const result = readFileSync(join(dir, 'A'), 'utf8');
      expect(result === base.replace('findings.', 'findings. #stigma #trust'), `merged study:\n${result}`);
      return 'dist/cli.js merge-driver: "First line of findings. #stigma #trust" (git merge-file conflicts here)';
    },
  },
  {
    name: 'the installed .vsix activates on the review without a development path: the status bar shows its studies',
    async run(page, shoot, { dataDir, studies }) {
      const installed = readdirSync(join(dataDir, 'extensions')).filter((name) => name.startsWith('qualsynth.qualsynth-'));
      expect(installed.length === 1, `extensions folder holds ${installed.join(', ') || 'no QualSynth'}`);
      const item = page.locator('.statusbar-item', { hasText: new RegExp(`\\b${studies} studies · \\d+ codes`) }).first();
      await item.waitFor({ timeout: 30_000 });
      await shoot('vsix-status-bar');
      return `${installed[0]}: ${(await item.innerText()).replace(/\s+/g, ' ').trim()}`;
    },
  },
  {
    name: 'Explorer › right-click a .qdpx › Import REFI-QDA Project… imports it into a new folder beside it',
    async run(page, shoot, { folder }) {
      const name = basename(folder);
      const [qdpx, target] = [join(folder, `${name}.qdpx`), join(folder, `${name}-review`)];
      const exported = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), 'export', folder, '--format', 'qdpx', '--out', qdpx], { encoding: 'utf8' });
      expect(exported.status === 0, `qualsynth export failed: ${exported.stderr}`);
      await runCommand(page, 'View: Show Explorer');
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: `${name}.qdpx` }).first();
      await row.waitFor({ timeout: 15_000 });
      await row.click({ button: 'right' });
      const item = page.locator('.monaco-menu .action-label', { hasText: /^Import REFI-QDA Project/ }).first();
      await item.waitFor();
      await shoot('vsix-explorer-menu');
      await item.hover();
      await page.keyboard.press('Enter');
      // It proposes <name>-review beside the file.
      const input = page.locator('.quick-input-widget input');
      await page.waitForFunction((expected) => document.querySelector('.quick-input-widget input')?.value === expected, target, { timeout: 10_000 });
      await shoot('vsix-import-qdpx');
      await input.press('Enter');
      await page.locator('.tabs-container .tab', { hasText: 'import-report.md' }).first().waitFor({ timeout: 15_000 });
      const studies = readdirSync(join(target, 'studies')).length;
      expect(studies > 0, 'the import wrote no study');
      return `${studies} studies imported into ${target}; import-report.md opened`;
    },
  },
  {
    name: 'F1 › QualSynth: New Review… creates a review in the folder picked in the file dialog',
    async run(page, shoot, { folder }) {
      const target = emptyFolder(folder, 'new-review');
      await runCommand(page, 'QualSynth: New Review…');
      await pickFolder(page, target, shoot, 'vsix-new-review-dialog');
      await page.locator('.tabs-container .tab', { hasText: 'example-2020.md' }).first().waitFor({ timeout: 15_000 });
      await shoot('vsix-new-review');
      return `${await reviewFiles(target)} in ${target}, codebook.md and example-2020.md opened`;
    },
  },
  {
    name: 'Ctrl+Alt+S on a code tag in a study shows every segment of that code',
    async run(page, shoot, { folder }) {
      const { study, code } = spanTag(folder);
      await runCommand(page, 'View: Close All Editors');
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill(study);
      await page.locator('.quick-input-list .monaco-list-row', { hasText: study }).first().click();
      const editor = page.locator('.editor-instance .monaco-editor').first();
      await editor.locator('.view-lines', { hasText: `{#${code}` }).waitFor({ timeout: 15_000 });
      // Find selects the tag; Left leaves the cursor at its `#`.
      await page.keyboard.press('Control+F');
      await page.keyboard.type(`{#${code}`);
      await page.keyboard.press('Escape');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Control+Alt+KeyS');
      const tab = page.locator('.tabs-container .tab', { hasText: `#${code} — segments.md` }).first();
      await tab.waitFor({ timeout: 15_000 });
      await shoot('vsix-show-segments');
      return `opened "${(await tab.innerText()).trim()}"`;
    },
  },
  {
    name: 'Welcome: Open Walkthrough… › Get started with QualSynth shows four steps and the first page',
    async run(page, shoot) {
      await runCommand(page, 'View: Close All Editors');
      await runCommand(page, 'Welcome: Open Walkthrough…');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with QualSynth' }).first().click();
      const steps = page.locator('.getting-started-step');
      await steps.nth(3).waitFor({ timeout: 15_000 });
      const titles = (await steps.locator('.step-title').allInnerTexts()).map((title) => title.trim());
      expect(titles.length === 4, `steps: ${titles.join(' | ')}`);
      // The step's Markdown page renders in a webview (an iframe in an iframe).
      const media = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
      await media.getByText('A review is a folder of Markdown files').waitFor({ timeout: 15_000 });
      await shoot('vsix-walkthrough');
      return titles.join(' · ');
    },
  },
  {
    name: "the walkthrough's first step: its New Review… button creates a review and ticks the step",
    async run(page, shoot, { folder }) {
      const target = emptyFolder(folder, 'walkthrough-review');
      const step = page.locator('.getting-started-step', { hasText: 'Create or open a review' });
      if ((await step.getAttribute('class'))?.includes('expanded') !== true) await step.click();
      await step.getByRole('button', { name: 'New Review…' }).click();
      await pickFolder(page, target, shoot, 'vsix-walkthrough-dialog');
      await page.locator('.tabs-container .tab', { hasText: 'example-2020.md' }).first().waitFor({ timeout: 15_000 });
      await page.locator('.tabs-container .tab', { hasText: 'Walkthrough' }).first().click();
      await step.locator('.codicon-getting-started-step-checked').waitFor({ timeout: 10_000 });
      await shoot('vsix-walkthrough-done');
      return `${await reviewFiles(target)} in ${target}; the step is ticked`;
    },
  },
];

/** Runs a command from the command palette (F1), by its full title. */
async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.locator('.monaco-workbench .part.statusbar').click({ position: { x: 700, y: 5 } });
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  // VS Code's own titles end in `...`, ours in `…`: match without the dots.
  const words = title.replace(/(…|\.\.\.)$/, '');
  await input.fill(`>${words}`);
  // Clicked, not Enter: the palette may rank a fuzzy match first.
  await page.locator('.quick-input-list .monaco-list-row', { hasText: words }).first().click();
}

/**
 * Makes an empty folder in the workspace for New Review…: the web workbench's file
 * dialog only accepts folders that exist (and reads them when it opens).
 */
function emptyFolder(workspace, name) {
  const folder = join(workspace, name);
  mkdirSync(folder);
  return folder;
}

/** Answers the web workbench's file dialog (a quick input with a path) with `folder`. */
async function pickFolder(page, folder, shoot, screenshot) {
  const input = page.locator('.quick-input-widget input');
  await page.locator('.quick-input-widget .quick-input-action', { hasText: 'Create Review Here' }).waitFor({ timeout: 10_000 });
  // Typing before the dialog has shown its start folder (the workspace) gets overwritten.
  await waitForRows(page, (rows) => rows > 1);
  await input.fill(`${folder}/`);
  // Then it lists the typed (empty) folder: `..` only.
  await waitForRows(page, (rows) => rows === 1);
  expect((await input.inputValue()) === `${folder}/`, `the dialog shows ${await input.inputValue()}`);
  await shoot(screenshot);
  await page.keyboard.press('Enter');
}

/** Waits until the quick input's list has a row count that `done` accepts. */
async function waitForRows(page, done) {
  await page.waitForFunction(`(${done})(document.querySelectorAll('.quick-input-list .monaco-list-row').length)`, undefined, { timeout: 10_000 });
}

/** The first study (file name) with a span tag, and the tag's first code. */
function spanTag(folder) {
  const dir = join(folder, 'studies');
  for (const study of readdirSync(dir).filter((name) => name.endsWith('.md')).sort()) {
    const code = /\]\{#([A-Za-z][\w./-]*)/.exec(readFileSync(join(dir, study), 'utf8'))?.[1];
    if (code) return { study, code };
  }
  throw new Error(`no study in ${dir} has a span tag`);
}

/** The review files in `folder`, or throws naming the missing ones. */
async function reviewFiles(folder) {
  // The files are written before the editors open; this is a second look from outside.
  const missing = REVIEW_FILES.filter((file) => !existsSync(join(folder, file)));
  expect(missing.length === 0, `New Review… did not write ${missing.join(', ')} into ${folder}`);
  return REVIEW_FILES.join(', ');
}
