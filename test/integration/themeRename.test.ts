import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, writeWorkspaceFile } from './helpers';
import { expectNotification, hasKeyboard, keyboard, renameByF2 } from './keyboard';
import { itemAt, outline, readDisk, resetViews, uriOf, viewsApi, CODEBOOK, type Tree } from './viewHelpers';
import { assertOneUndoRestores, assertWorkspace, restore, snapshot } from './workspaceState';

/**
 * Rename of a theme (F2 on its codebook heading, Rename Theme… in the Themes view) in the
 * real extension host: the codebook's heading and relation lines and every memo's
 * `about: themes:` path through the theme change as one undoable edit, whole files
 * compared, nothing else touched. The fixture codebook gains two concepts and two
 * relation lines for the suite, so the relation names are renamed too.
 */

/** The fixture codebook with `Kind: concept` and a `Refutes:` (by title) and `Reciprocal:` (by path) line. */
function codebookWithRelations(original: string): string {
  return original
    .replace('## Low pay and hours\n', '## Low pay and hours\nKind: concept\n\n')
    .replace('# Experiences of recipients\n', '# Experiences of recipients\nRefutes: Low pay and hours; Social networks — recipients rarely saw the pay.\n\n')
    .replace('## Social networks\n', '## Social networks\nKind: concept\n\nReciprocal: Experiences of peer support workers > Low pay and hours — contacts and pay both read as worth.\n\n');
}

/** Memos naming the themes in the layouts a reviewer writes: a quoted path, a block list, a list of titles, a relation memo. */
const MEMOS: Record<string, string> = {
  'memos/rename-pay.md': '---\ntitle: Pay as worth\nabout:\n  themes: ["Experiences of peer support workers > Low pay and hours"]  # the pay theme\n  codes: [low-pay]\n---\nLow pay and hours, as the workers tell it.\n',
  'memos/rename-relation.md': '---\ntitle: Pay and contacts as one reading of worth\nrelation: reciprocal\nabout:\n  themes:\n    - Experiences of peer support workers > Low pay and hours\n    - Experiences of recipients > Social networks\n---\nRecipients who saw the pay still valued the contact.\n',
  'memos/rename-parent.md': '---\ntitle: Peer work\nabout:\n  themes:\n    - Experiences of peer support workers\n    - - Experiences of peer support workers\n      - Discrimination and prejudice from nonpeer staff\n---\nBody.\n',
  'memos/rename-other.md': '---\ntitle: Recipients\nabout:\n  themes: [Experiences of recipients]\n---\nExperiences of peer support workers are not this memo’s subject.\n',
};

/** The codebook's editor with the cursor inside the heading text `heading` (the line as written). */
async function cursorInHeading(heading: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uriOf(CODEBOOK));
  const at = document.getText().indexOf(`\n${heading}\n`);
  assert.ok(at >= 0, `the codebook has the heading ${heading}`);
  // A few characters into the title, past the `#` markers. Given to showTextDocument, which
  // resolves once the workbench has it (setting `editor.selection` does not wait, and a
  // key pressed before the cursor arrives renames at the old one).
  const position = document.positionAt(at + 1 + heading.indexOf(' ') + 4);
  return vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
}

suite('Rename Theme: F2 on a codebook heading and Rename Theme… rename through memos', function () {
  // Keys go through the browser, and a loaded machine answers slowly.
  this.timeout(60_000);
  let themes: Tree;
  let original: string;
  let before: Map<string, string>;

  suiteSetup(async () => {
    ({ themes } = await viewsApi());
    original = await readDisk(CODEBOOK);
    await writeWorkspaceFile(CODEBOOK, codebookWithRelations(original));
    for (const [path, text] of Object.entries(MEMOS)) await writeWorkspaceFile(path, text);
    // The index has every memo before a rename asks it which memos name the theme.
    const lines = await waitFor(() => outline(themes, 2), (found) => found.some((line) => line.includes('Low pay and hours') && line.endsWith('· 2 memos')) && found.some((line) => line.includes('Discrimination and prejudice') && line.endsWith('· 1 memo')));
    assert.ok(lines.some((line) => line.includes('Low pay and hours') && line.endsWith('· 2 memos')), `the memos reached the Themes view: ${lines.join(' | ')}`);
  });
  setup(async () => {
    before = await snapshot();
    await vscode.commands.executeCommand('notifications.clearAll');
  });
  teardown(async () => {
    await restore(before);
    await resetViews();
  });
  suiteTeardown(async () => {
    for (const path of Object.keys(MEMOS)) await vscode.workspace.fs.delete(uriOf(path)).then(undefined, () => undefined);
    await writeWorkspaceFile(CODEBOOK, original);
    await waitFor(() => outline(themes, 2), (found) => !found.some((line) => line.endsWith('memo') || line.endsWith('memos')));
  });

  test('F2 by keyboard on a sub-theme’s heading renames it in the codebook (heading, Reciprocal: path, Refutes: title) and in each memo’s path; one undo restores every file', async () => {
    const editor = await cursorInHeading('## Low pay and hours');
    await renameByF2(editor, 'Pay and working hours', (value) => assert.equal(value, 'Low pay and hours', 'the box holds the theme’s title'));
    const codebook = before.get(CODEBOOK)!;
    const changed = {
      [CODEBOOK]: codebook.replace('## Low pay and hours\n', '## Pay and working hours\n').replace('Refutes: Low pay and hours;', 'Refutes: Pay and working hours;').replace('> Low pay and hours — contacts', '> Pay and working hours — contacts'),
      'memos/rename-pay.md': MEMOS['memos/rename-pay.md'].replace('"Experiences of peer support workers > Low pay and hours"', '"Experiences of peer support workers > Pay and working hours"'),
      'memos/rename-relation.md': MEMOS['memos/rename-relation.md'].replace('    - Experiences of peer support workers > Low pay and hours\n', '    - Experiences of peer support workers > Pay and working hours\n'),
    };
    await waitFor(() => editor.document.getText(), (text) => text === changed[CODEBOOK]);
    await assertWorkspace(before, changed, 'after F2');
    await assertOneUndoRestores(before, editor.document, changed);
  });

  test('F2 by keyboard on a top-level theme’s heading renames the first title of every path through it, lists of titles too', async () => {
    const editor = await cursorInHeading('# Experiences of peer support workers');
    await renameByF2(editor, 'Peer work and its conditions');
    const changed = {
      [CODEBOOK]: before.get(CODEBOOK)!.replace('# Experiences of peer support workers\n', '# Peer work and its conditions\n').replace('Reciprocal: Experiences of peer support workers >', 'Reciprocal: Peer work and its conditions >'),
      'memos/rename-pay.md': MEMOS['memos/rename-pay.md'].replace('"Experiences of peer support workers >', '"Peer work and its conditions >'),
      'memos/rename-relation.md': MEMOS['memos/rename-relation.md'].replace('    - Experiences of peer support workers > Low pay', '    - Peer work and its conditions > Low pay'),
      'memos/rename-parent.md': MEMOS['memos/rename-parent.md'].replace('    - Experiences of peer support workers\n', '    - Peer work and its conditions\n').replace('    - - Experiences of peer support workers\n', '    - - Peer work and its conditions\n'),
    };
    await waitFor(() => editor.document.getText(), (text) => text === changed[CODEBOOK]);
    await assertWorkspace(before, changed, 'after F2');
    await assertOneUndoRestores(before, editor.document, changed);
  });

  test('F2 to a sibling’s title is refused with the reason, and changes no file (VS Code’s own Markdown heading rename does not step in)', async () => {
    const editor = await cursorInHeading('## Low pay and hours');
    const sibling = 'Discrimination and prejudice from nonpeer staff';
    if (hasKeyboard()) {
      await renameByF2(editor, sibling);
      await new Promise((resolve) => setTimeout(resolve, 500));
      await assertWorkspace(before, {}, 'after F2 with the refused title');
      await expectNotification(/already a theme “Discrimination and prejudice from nonpeer staff” under Experiences of peer support workers/);
    }
    const result = await Promise.resolve(vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, editor.selection.active, sibling)).then(
      (edit) => edit,
      (error: Error) => error,
    );
    // An empty edit, not a rejection: VS Code would pass a rejected rename on to its Markdown heading rename.
    assert.ok(!(result instanceof Error), `no rejection: ${String(result)}`);
    assert.deepEqual(result.entries().map(([uri, edits]) => [uri.path, edits.map((edit) => edit.newText)]), [], 'no edit of any file');
    await assertWorkspace(before, {}, 'after the refused rename');
  });

  test('Rename Theme… on a theme in the Themes view: the box holds the title, says at once why a sibling’s title or an empty one cannot be used, then renames through the memos (list of titles); one undo restores', async () => {
    const theme = await itemAt(themes, 'Experiences of peer support workers', 'Discrimination and prejudice from nonpeer staff');
    const title = 'Prejudice from nonpeer staff';
    const running = vscode.commands.executeCommand<boolean | undefined>('qualsynth.renameTheme', theme, ...(hasKeyboard() ? [] : [title]));
    if (hasKeyboard()) {
      const input = '.quick-input-widget input';
      const message = '.quick-input-widget .quick-input-message';
      const [, [value]] = (await keyboard({ waitFor: input }, { read: input, value: true })) as string[][];
      assert.equal(value, 'Discrimination and prejudice from nonpeer staff', 'the box holds the theme’s title');
      await keyboard({ press: 'ControlOrMeta+a' }, { type: 'Low pay and hours' }, { waitFor: message, hasText: 'already a theme “Low pay and hours” under Experiences of peer support workers' });
      // Enter on a refused title keeps the box open and changes nothing.
      await keyboard({ press: 'Enter' }, { pause: 300 }, { waitFor: input });
      await keyboard({ press: 'ControlOrMeta+a' }, { press: 'Backspace' }, { waitFor: message, hasText: 'A theme needs a title' }, { press: 'Enter' }, { pause: 300 }, { waitFor: input });
      assert.deepEqual(await snapshot(), before, 'nothing changed while the box refused the titles');
      await keyboard({ type: title }, { waitFor: message, hasText: 'New title for the theme' }, { press: 'Enter' });
    }
    assert.equal(await running, true);
    const changed = {
      [CODEBOOK]: before.get(CODEBOOK)!.replace('## Discrimination and prejudice from nonpeer staff\n', '## Prejudice from nonpeer staff\n'),
      'memos/rename-parent.md': MEMOS['memos/rename-parent.md'].replace('      - Discrimination and prejudice from nonpeer staff\n', '      - Prejudice from nonpeer staff\n'),
    };
    await assertWorkspace(before, changed, 'after Rename Theme…');
    await assertOneUndoRestores(before, await vscode.workspace.openTextDocument(uriOf(CODEBOOK)), changed);
  });
});
