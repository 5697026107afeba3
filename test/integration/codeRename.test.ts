import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { indexSummary, waitFor, writeWorkspaceFile } from './helpers';
import { expectNotification, hasKeyboard, renameByF2 } from './keyboard';
import { resetViews, uriOf, CODEBOOK, STUDY } from './viewHelpers';
import { assertOneUndoRestores, assertWorkspace, restore, snapshot } from './workspaceState';

/**
 * F2 on a code in the real host: a tag in a study's heading, in a memo's heading, a
 * definition in the codebook. QualSynth's rename answers there, refusals included, so VS
 * Code's Markdown rename (the next provider, which renames a heading and the links to it)
 * never renames the heading around the tag; elsewhere it is Markdown's, as before.
 * Whole files compared, nothing else touched.
 */

const HEADING_STUDY = 'studies/heading-tag.md';
const HEADING_STUDY_TEXT = STUDY('heading-2021', '## Pay and hours #low-pay\n\nPeer workers described [low wages]{#low-pay}.\n\nSee [the pay section](#pay-and-hours-low-pay).');
const MEMO = 'memos/heading-tag.md';
const MEMO_TEXT = '---\ntitle: Pay in headings\nabout: review\n---\n## Pay #low-pay\n\nLow pay #low-pay again.\n\nSee [above](#pay-low-pay).\n';

/** The editor of `path` with the cursor `delta` characters into the first `needle`. */
async function cursorAt(path: string, needle: string, delta: number): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(uriOf(path));
  const at = document.getText().indexOf(needle);
  assert.ok(at >= 0, `${path} holds ${needle}`);
  const position = document.positionAt(at + delta);
  // Given to showTextDocument, which resolves once the workbench has the cursor there.
  return vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
}

/** The rename at the cursor through the API: the edit's files and new texts, or the rejection's message. */
async function renameResult(editor: vscode.TextEditor, newName: string): Promise<string | Array<[string, string[]]>> {
  return Promise.resolve(vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, editor.selection.active, newName)).then(
    (edit) => edit.entries().map(([uri, edits]): [string, string[]] => [uri.path.split('/').slice(-2).join('/'), edits.map((one) => one.newText)]),
    (error: Error) => error.message,
  );
}

/** F2 with a name the code rename refuses: said in a notification, no file changed, and an empty edit (not a rejection) from the API. */
async function assertRefused(editor: vscode.TextEditor, before: ReadonlyMap<string, string>, newName: string, reason: string): Promise<void> {
  if (hasKeyboard()) {
    await renameByF2(editor, newName, (value) => assert.equal(value, 'low-pay', 'the box holds the code’s name'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await assertWorkspace(before, {}, `after F2 to ${newName}`);
    await expectNotification(new RegExp(reason));
  }
  assert.deepEqual(await renameResult(editor, newName), [], `an empty edit for ${newName}`);
  await assertWorkspace(before, {}, `after the refused ${newName}`);
}

suite('Rename Code: F2 on a tag is the code rename, refusals included', function () {
  // Keys go through the browser, and a loaded machine answers slowly.
  this.timeout(60_000);
  let studies: number;
  let before: Map<string, string>;

  suiteSetup(async () => {
    studies = (await indexSummary())!.studies;
    await writeWorkspaceFile(HEADING_STUDY, HEADING_STUDY_TEXT);
    await writeWorkspaceFile(MEMO, MEMO_TEXT);
    await waitFor(indexSummary, (summary) => summary?.studies === studies + 1);
    // Markdown's rename answers once its language server has read the file: until then a
    // refusal passed on to it would go unseen, and the tests could not fail.
    const editor = await cursorAt(HEADING_STUDY, '## Pay and hours', 4);
    const answered = await waitFor(() => renameResult(editor, 'Wages'), (result) => typeof result !== 'string', 30_000);
    assert.notEqual(typeof answered, 'string', `Markdown renames the heading: ${String(answered)}`);
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
    for (const path of [HEADING_STUDY, MEMO]) await vscode.workspace.fs.delete(uriOf(path)).then(undefined, () => undefined);
    await waitFor(indexSummary, (summary) => summary?.studies === studies);
  });

  test('F2 by keyboard on a study heading’s words (no tag under the cursor) is left to VS Code’s Markdown rename of the heading and its links', async () => {
    const editor = await cursorAt(HEADING_STUDY, '## Pay and hours', 4);
    await renameByF2(editor, 'Wages', (value) => assert.equal(value, 'Pay and hours #low-pay', 'Markdown’s box holds the heading'));
    const changed = { [HEADING_STUDY]: HEADING_STUDY_TEXT.replace('## Pay and hours #low-pay\n', '## Wages\n').replace('(#pay-and-hours-low-pay)', '(#wages)') };
    await waitFor(() => editor.document.getText(), (text) => text === changed[HEADING_STUDY]);
    await assertWorkspace(before, changed, 'after F2');
    await assertOneUndoRestores(before, editor.document, changed);
  });

  test('F2 on a tag in a study heading to a name that is not a code’s, or onto an existing code when the merge question cannot be asked, changes no file (Markdown does not rename the heading instead)', async () => {
    const editor = await cursorAt(HEADING_STUDY, '#low-pay\n', 3);
    await assertRefused(editor, before, 'bad name', 'is not a valid code name');
    // The test host refuses to show dialogs: the merge question fails, as a refusal.
    assert.deepEqual(await renameResult(editor, 'staff-prejudice'), [], 'an empty edit when the merge question fails');
    await assertWorkspace(before, {}, 'after the failed merge question');
  });

  test('F2 by keyboard on a tag in a memo’s heading renames the code across the review, not the memo’s heading; one undo restores', async () => {
    const editor = await cursorAt(MEMO, '## Pay #low-pay', 10);
    await assertRefused(editor, before, 'bad name', 'is not a valid code name');
    await renameByF2(editor, 'pay/low', (value) => assert.equal(value, 'low-pay', 'the box holds the code’s name'));
    const changed = {
      [CODEBOOK]: before.get(CODEBOOK)!.replace('- #low-pay:', '- #pay/low:'),
      [MEMO]: MEMO_TEXT.replace('## Pay #low-pay\n', '## Pay #pay/low\n').replace('Low pay #low-pay again', 'Low pay #pay/low again'),
      [HEADING_STUDY]: HEADING_STUDY_TEXT.replace('## Pay and hours #low-pay\n', '## Pay and hours #pay/low\n').replace('{#low-pay}', '{#pay/low}'),
      'studies/a.md': before.get('studies/a.md')!.replace('{#low-pay}', '{#pay/low}'),
    };
    await waitFor(() => editor.document.getText(), (text) => text === changed[MEMO]);
    await assertWorkspace(before, changed, 'after F2');
    await assertOneUndoRestores(before, editor.document, changed);
  });

  test('F2 by keyboard on a definition’s tag in the codebook renames the code across the review', async () => {
    const editor = await cursorAt(CODEBOOK, '- #low-pay:', 5);
    await assertRefused(editor, before, 'bad name', 'is not a valid code name');
    await renameByF2(editor, 'wages', (value) => assert.equal(value, 'low-pay', 'the box holds the code’s name'));
    const changed = {
      [CODEBOOK]: before.get(CODEBOOK)!.replace('- #low-pay:', '- #wages:'),
      [MEMO]: MEMO_TEXT.replaceAll('#low-pay\n', '#wages\n').replace('Low pay #low-pay again', 'Low pay #wages again'),
      [HEADING_STUDY]: HEADING_STUDY_TEXT.replace('## Pay and hours #low-pay\n', '## Pay and hours #wages\n').replace('{#low-pay}', '{#wages}'),
      'studies/a.md': before.get('studies/a.md')!.replace('{#low-pay}', '{#wages}'),
    };
    await waitFor(() => editor.document.getText(), (text) => text === changed[CODEBOOK]);
    await assertWorkspace(before, changed, 'after F2');
    await assertOneUndoRestores(before, editor.document, changed);
  });
});
