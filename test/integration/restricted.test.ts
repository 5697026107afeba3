import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { indexSummary, waitFor, workspaceRoot, writeWorkspaceFile } from './helpers';
import { expectNotification, hasKeyboard, renameByKeyboard } from './keyboard';

/**
 * Runs only in an untrusted workspace (`node test/runner/runOffline.mjs --restricted`):
 * QualSynth reads and shows, but writes nothing and runs no git.
 */
suite('Restricted Mode (untrusted workspace)', function () {
  suiteSetup(function () {
    if (vscode.workspace.isTrusted) this.skip();
  });
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  const study = () => vscode.Uri.joinPath(workspaceRoot(), 'studies', 'a.md');

  test('the index, hovers and diagnostics work (read-only features)', async () => {
    const summary = await indexSummary();
    assert.equal(summary?.studies, 2);
    const document = await vscode.workspace.openTextDocument(study());
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', study(), document.positionAt(document.getText().indexOf('#low-pay') + 2));
    assert.ok(hovers.length > 0);
  });

  test('Code Selection, rename and New Study change no file', async () => {
    const editor = await vscode.window.showTextDocument(study());
    const before = editor.document.getText();
    const start = editor.document.positionAt(before.indexOf('Peer workers'));
    editor.selection = new vscode.Selection(start, start.translate(0, 12));
    await vscode.commands.executeCommand('qualsynth.codeSelection', ['low-pay']);
    // An empty edit, not a rejection: VS Code would hand a rejected rename to its Markdown rename.
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', study(), editor.document.positionAt(before.indexOf('#low-pay') + 2), 'pay');
    assert.deepEqual(edit.entries(), []);
    assert.equal(await vscode.commands.executeCommand('qualsynth.newStudy', 'Zed 2001'), undefined);
    assert.equal(editor.document.getText(), before);
    assert.equal(editor.document.isDirty, false);
  });

  test('Rename of a theme: F2 on its heading and Rename Theme… refuse, saying why, and change no file', async () => {
    const codebook = vscode.Uri.joinPath(workspaceRoot(), 'codebook.md');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(codebook));
    const document = await vscode.workspace.openTextDocument(codebook);
    const position = document.positionAt(before.indexOf('## Low pay and hours') + 6);
    // The cursor given to showTextDocument is in the workbench before F2 is pressed.
    const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
    // An empty edit, not a rejection: VS Code would hand a rejected rename to its Markdown heading rename.
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', codebook, position, 'Pay');
    assert.deepEqual(edit.entries(), []);
    if (hasKeyboard()) {
      await vscode.commands.executeCommand('notifications.clearAll');
      assert.equal(await renameByKeyboard('Pay'), 'Low pay and hours');
      await expectNotification(/Renaming a theme .*trust this workspace/);
    }
    // A title box would keep the command waiting: it must answer at once.
    assert.equal(await vscode.commands.executeCommand('qualsynth.renameTheme', ['Experiences of peer support workers', 'Low pay and hours']), false);
    assert.equal(editor.document.getText(), before);
    assert.equal(editor.document.isDirty, false);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(codebook)), before);
  });

  test('Rename of a code: F2 on a tag in a study heading refuses, saying why; Markdown does not rename the heading instead', async () => {
    const uri = await writeWorkspaceFile('studies/heading-tag.md', '---\nid: heading-2021\n---\n\n## Pay and hours #low-pay\n\nSee [the pay section](#pay-and-hours-low-pay).\n');
    try {
      await waitFor(indexSummary, (summary) => summary?.studies === 3);
      const document = await vscode.workspace.openTextDocument(uri);
      const before = document.getText();
      const rename = (offset: number, name: string) => Promise.resolve(vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, document.positionAt(offset), name)).then((edit) => edit.entries().length, () => -1);
      // Markdown renames the heading's words once its language server has read the file; then a rename it is handed would show.
      assert.equal(await waitFor(() => rename(before.indexOf('Pay and'), 'Wages'), (files) => files === 1, 30_000), 1, 'Markdown renames the heading');
      const position = document.positionAt(before.indexOf('#low-pay') + 3);
      const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
      assert.equal(await rename(before.indexOf('#low-pay') + 3, 'pay'), 0, 'an empty edit');
      if (hasKeyboard()) {
        await vscode.commands.executeCommand('notifications.clearAll');
        assert.equal(await renameByKeyboard('pay'), 'low-pay');
        await expectNotification(/Renaming a code .*trust this workspace/);
      }
      assert.equal(editor.document.getText(), before);
      assert.equal(editor.document.isDirty, false);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), before);
    } finally {
      await vscode.workspace.fs.delete(uri);
      await waitFor(indexSummary, (summary) => summary?.studies === 2);
    }
  });

  test('Search Studies works; Code All Hits changes no file', async () => {
    const document = await vscode.workspace.openTextDocument(study());
    const before = document.getText();
    assert.equal(await vscode.commands.executeCommand('qualsynth.searchStudies', { pattern: 'peer', mode: 'words' }), 3);
    assert.equal(await vscode.commands.executeCommand('qualsynth.codeAllHits', { codes: ['low-pay'], unit: 'match' }), undefined);
    assert.equal(document.getText(), before);
    assert.equal(document.isDirty, false);
  });

  test('Record CERQual Judgement… refuses before asking anything, and edits no codebook', async () => {
    const codebook = vscode.Uri.joinPath(workspaceRoot(), 'codebook.md');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(codebook));
    // A picker would keep the command waiting: it must answer at once.
    assert.equal(await vscode.commands.executeCommand('qualsynth.recordCerqualJudgement', ['Experiences of peer support workers']), false);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(codebook)), before);
  });

  test('New Memo… refuses before asking anything, and creates no memo', async () => {
    // A title box would keep the command waiting: it must answer at once.
    assert.equal(await vscode.commands.executeCommand('qualsynth.newMemo', 'low-pay', 'Pay'), false);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(workspaceRoot(), 'memos'))));
  });

  test('Compile Synthesis Report and the git commands do nothing', async () => {
    assert.equal(await vscode.commands.executeCommand('qualsynth.compileReport'), undefined);
    assert.equal(await vscode.commands.executeCommand('qualsynth.compareWithRevision', 'HEAD'), undefined);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(workspaceRoot(), 'reports'))));
  });
});
