import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QualSynthApi } from '../../src/extension';
import { waitFor } from './helpers';
import { bufferOf, CODEBOOK, descriptionBecomes, itemAt, outline, readDisk, resetViews, revert, THEMES_MIME, viewsApi, type Tree } from './viewHelpers';

suite('Views: editing the codebook from the Themes view', () => {
  let api: QualSynthApi;
  let themes: Tree;

  suiteSetup(async () => {
    ({ api, themes } = await viewsApi());
  });
  teardown(resetViews);

  test('drag and drop of a code onto a theme: one edit of the codebook, the rest byte-identical, left unsaved', async () => {
    const before = await readDisk(CODEBOOK);
    const studyBefore = await readDisk('studies/a.md');
    const line = '- #low-pay: Pay below that of colleagues doing similar work.\n';
    try {
      const code = await itemAt(themes, 'Experiences of peer support workers', 'Low pay and hours', '#low-pay');
      const target = await itemAt(themes, 'Experiences of recipients', 'Social networks');
      const transfer = new vscode.DataTransfer();
      transfer.set(THEMES_MIME, new vscode.DataTransferItem([code]));
      await api.views.dragAndDrop.handleDrop(target as never, transfer);
      const document = await bufferOf(CODEBOOK);
      assert.equal(document.getText(), `${before.replace(line, '')}${line}`);
      assert.ok(document.isDirty, 'the codebook is left unsaved, like any refactoring');
      assert.equal(await readDisk(CODEBOOK), before);
      assert.equal(await readDisk('studies/a.md'), studyBefore);
      await descriptionBecomes(themes, ['Experiences of recipients', 'Social networks', '#low-pay'], '1 segment · 1 study');
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), before, 'one undo reverts the drop');
    } finally {
      await revert(CODEBOOK);
    }
  });

  test('drag and drop of two codes at once, and of a theme onto a theme', async () => {
    const before = await readDisk(CODEBOOK);
    const prejudice = "- #staff-prejudice: Nonpeer staff doubt peer workers' competence or treat them as patients.\n";
    const pay = '- #low-pay: Pay below that of colleagues doing similar work.\n';
    try {
      const codes = [
        await itemAt(themes, 'Experiences of peer support workers', 'Discrimination and prejudice from nonpeer staff', '#staff-prejudice'),
        await itemAt(themes, 'Experiences of peer support workers', 'Low pay and hours', '#low-pay'),
      ];
      const transfer = new vscode.DataTransfer();
      transfer.set(THEMES_MIME, new vscode.DataTransferItem(codes));
      await api.views.dragAndDrop.handleDrop((await itemAt(themes, 'Experiences of recipients', 'Social networks')) as never, transfer);
      assert.equal((await bufferOf(CODEBOOK)).getText(), `${before.replace(prejudice, '').replace(pay, '')}${prejudice}${pay}`);
      await revert(CODEBOOK);
      await waitFor(() => outline(themes, 3), (lines) => lines.includes('    #low-pay — 1 segment · 1 study'));
      const theme = await itemAt(themes, 'Experiences of peer support workers', 'Low pay and hours');
      const themeTransfer = new vscode.DataTransfer();
      themeTransfer.set(THEMES_MIME, new vscode.DataTransferItem([theme]));
      await api.views.dragAndDrop.handleDrop((await itemAt(themes, 'Experiences of recipients')) as never, themeTransfer);
      const section = `## Low pay and hours\n${pay}\n`;
      assert.equal((await bufferOf(CODEBOOK)).getText(), `${before.replace(section, '')}\n${section}`);
      await descriptionBecomes(themes, ['Experiences of recipients', 'Low pay and hours'], '1 study');
    } finally {
      await revert(CODEBOOK);
    }
  });

  test('Move Code to Theme…, New Theme… and New Sub-theme… edit the codebook buffer', async () => {
    const before = await readDisk(CODEBOOK);
    const pay = '- #low-pay: Pay below that of colleagues doing similar work.\n';
    try {
      assert.equal(await vscode.commands.executeCommand('qualsynth.moveCodeToTheme', 'low-pay', ['Experiences of recipients', 'Social networks']), true);
      const document = await bufferOf(CODEBOOK);
      assert.equal(document.getText(), `${before.replace(pay, '')}${pay}`);
      await revert(CODEBOOK);
      assert.equal(await vscode.commands.executeCommand('qualsynth.newTheme', 'Services'), true);
      assert.equal(await vscode.commands.executeCommand('qualsynth.newSubtheme', await itemAt(themes, 'Experiences of peer support workers'), 'Careers'), true);
      assert.equal((await bufferOf(CODEBOOK)).getText(), before.replace('\n# Experiences of recipients', '\n## Careers\n\n# Experiences of recipients') + '\n# Services\n');
      const roots = await waitFor(() => outline(themes, 1), (lines) => lines.length === 3);
      assert.equal(roots[2], 'Services — 0 studies');
    } finally {
      await revert(CODEBOOK);
    }
  });

});
