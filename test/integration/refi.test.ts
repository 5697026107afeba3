import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { indexSummary, uriOf, waitFor, workspaceRoot } from './helpers';
import { hasKeyboard, keyboard, QUICK_PICK } from './keyboard';

suite('REFI-QDA commands', () => {
  const scratch = () => vscode.Uri.joinPath(workspaceRoot(), 'refi-scratch');
  suiteSetup(() => waitFor(indexSummary, (summary) => summary?.studies === 2));
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(scratch(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });

  test('export the codebook (.qdc) and the review (.qdpx), then import the .qdpx into a new folder', async () => {
    const qdc = await vscode.commands.executeCommand<vscode.Uri>('qualsynth.exportCodebook', vscode.Uri.joinPath(scratch(), 'codebook.qdc'));
    const xml = new TextDecoder().decode(await vscode.workspace.fs.readFile(qdc));
    assert.match(xml, /<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/);
    assert.match(xml, /name="staff-prejudice"/);
    // The version esbuild injected into the bundle from package.json.
    const { version } = vscode.extensions.getExtension('qualsynth.qualsynth')!.packageJSON as { version: string };
    assert.ok(xml.includes(` origin="QualSynth ${version}"`), 'the export names the running version');
    const qdpx = await vscode.commands.executeCommand<vscode.Uri>('qualsynth.exportProject', vscode.Uri.joinPath(scratch(), 'review.qdpx'));
    const bytes = await vscode.workspace.fs.readFile(qdpx);
    assert.deepEqual([...bytes.slice(0, 2)], [0x50, 0x4b], 'a zip file');
    const imported = await vscode.commands.executeCommand<vscode.Uri>('qualsynth.importProject', qdpx, vscode.Uri.joinPath(scratch(), 'imported'));
    const names = (await vscode.workspace.fs.readDirectory(imported)).map(([name]) => name).sort();
    // memos/ only when the review has memos (another suite may have left one): the next test checks them.
    assert.deepEqual(names.filter((name) => name !== 'memos'), ['codebook.md', 'import-report.md', 'qualsynth.yaml', 'studies']);
    const studies = (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(imported, 'studies'))).length;
    assert.equal(studies, 2);
    assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith('/import-report.md'));
  });

  test('a memo file travels as a REFI-QDA note: export, then import writes it back under memos/ with its about:, author and date', async () => {
    const memo = uriOf('memos/refi-note-check.md');
    const text = '---\ntitle: Prejudice read as risk\nauthor: PR\ndate: 2012-05-03\nabout:\n  codes: [staff-prejudice]\n---\nStaff first read lived experience as a risk (#staff-prejudice).\n';
    await vscode.workspace.fs.writeFile(memo, new TextEncoder().encode(text));
    try {
      let attempt = 0;
      // The watcher indexes the new memo asynchronously: export and import until it is there.
      const importedMemo = await waitFor(async () => {
        const qdpx = await vscode.commands.executeCommand<vscode.Uri>('qualsynth.exportProject', vscode.Uri.joinPath(scratch(), `memo-${++attempt}.qdpx`));
        const folder = await vscode.commands.executeCommand<vscode.Uri>('qualsynth.importProject', qdpx, vscode.Uri.joinPath(scratch(), `memo-import-${attempt}`));
        const written = vscode.Uri.joinPath(folder, 'memos', 'prejudice-read-as-risk.md');
        return vscode.workspace.fs.readFile(written).then((bytes) => new TextDecoder().decode(bytes), () => undefined);
      }, (content) => content !== undefined);
      assert.equal(importedMemo, '---\ntitle: Prejudice read as risk\nauthor: PR\ndate: "2012-05-03"\nabout:\n  codes:\n    - staff-prejudice\n---\n\nStaff first read lived experience as a risk (#staff-prejudice).\n');
    } finally {
      await vscode.workspace.fs.delete(memo, { useTrash: false }).then(undefined, () => undefined);
    }
  });

  test('import a .qdc codebook: merged into codebook.md as one undoable edit, left unsaved, the rest byte-identical', async () => {
    const codebook = uriOf('codebook.md');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(codebook));
    const qdc = vscode.Uri.joinPath(scratch(), 'atlas.qdc');
    const theme = 'Discrimination and prejudice from nonpeer staff';
    await vscode.workspace.fs.writeFile(qdc, new TextEncoder().encode(`<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="ATLAS.ti 23"><Codes><Code guid="00000000-0000-0000-0000-000000000001" name="Experiences of peer support workers" isCodable="false"><Code guid="00000000-0000-0000-0000-000000000002" name="${theme}" isCodable="false"><Code guid="00000000-0000-0000-0000-000000000003" name="staff-prejudice" isCodable="true"/><Code guid="00000000-0000-0000-0000-000000000004" name="Being watched" isCodable="true"><Description>Felt monitored.</Description></Code></Code></Code></Codes></CodeBook>`));
    try {
      const result = await vscode.commands.executeCommand<{ added: number; skipped: number }>('qualsynth.importCodebook', qdc, 'merge');
      assert.deepEqual(result, { added: 1, skipped: 1 });
      const document = await vscode.workspace.openTextDocument(codebook);
      const item = '- #role-ambiguity: Unclear duties and boundaries of the peer role.\n';
      assert.equal(document.getText(), before.replace(item, `${item}- #being-watched **Being watched**: Felt monitored.\n`));
      assert.ok(document.isDirty, 'left unsaved, like any refactoring');
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), before, 'one undo reverts the import');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('export proposes the report folder when it exists, else the review folder, never a missing one', async function () {
    if (!hasKeyboard()) return this.skip();
    const reports = uriOf('reports');
    /** Opens the save dialog (VS Code's simple dialog, a quick input), reads the proposed path, Escape. */
    const proposed = async (): Promise<string> => {
      const running = vscode.commands.executeCommand('qualsynth.exportCodebook');
      await keyboard({ waitFor: QUICK_PICK });
      // The dialog shows the folder first and fills in the file name a moment later.
      const value = await waitFor(
        async () => ((await keyboard({ read: `${QUICK_PICK} input`, value: true })) as string[][])[0][0].replace(/\\/g, '/'),
        (path) => path.endsWith('.qdc'),
      );
      await keyboard({ press: 'Escape' });
      assert.equal(await running, undefined, 'Escape exports nothing');
      return value;
    };
    await vscode.workspace.fs.delete(reports, { recursive: true, useTrash: false }).then(undefined, () => undefined);
    const withoutReports = await proposed();
    assert.ok(withoutReports.endsWith(`${workspaceRoot().path.split('/').pop()}/codebook.qdc`), `review folder proposed: ${withoutReports}`);
    await vscode.workspace.fs.createDirectory(reports);
    try {
      const withReports = await proposed();
      assert.ok(withReports.endsWith('/reports/codebook.qdc'), `report folder proposed: ${withReports}`);
    } finally {
      await vscode.workspace.fs.delete(reports, { recursive: true, useTrash: false });
    }
  });

  test('import refuses a folder that is not empty and writes nothing', async () => {
    const target = vscode.Uri.joinPath(scratch(), 'occupied');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, 'keep.md'), new TextEncoder().encode('mine'));
    const qdpx = vscode.Uri.joinPath(scratch(), 'review.qdpx');
    assert.equal(await vscode.commands.executeCommand('qualsynth.importProject', qdpx, target), undefined);
    assert.deepEqual((await vscode.workspace.fs.readDirectory(target)).map(([name]) => name), ['keep.md']);
  });
});
