/**
 * The coding loop by keyboard, in the real picker: keys typed into the workbench by the
 * runner's keyboard bridge (Playwright in the browser page), whole files compared after
 * each edit, and the selection rules (snapping, refusals, one span per block) as a
 * researcher meets them.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, indexSummary, waitFor, writeWorkspaceFile } from './helpers';
import { FOCUSED_ROW, QUICK_PICK, expectNotification, hasKeyboard, keyboard } from './keyboard';

const STUDY = 'studies/coding-loop.md';
const TEXT = [
  '---',
  'id: coding-loop',
  'citation: "Alpha A. Study one. 2001."',
  '---',
  '',
  '## Findings',
  '',
  'Peer workers reported [being treated as patients by team members]{#staff-prejudice}.',
  '',
  'They were paid less than colleagues and felt treated like a client.',
  '',
  '```',
  'fenced code here',
  '```',
  '',
  '- first item of a list',
  '- second item of a list',
  '',
].join('\n');

/** Opens the study and selects the first occurrence of `needle` (the editor has focus). */
async function select(needle: string): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriOfStudy()));
  const offset = editor.document.getText().indexOf(needle);
  assert.ok(offset >= 0, `${needle} not in the study`);
  editor.selection = new vscode.Selection(editor.document.positionAt(offset), editor.document.positionAt(offset + needle.length));
  return editor;
}

function uriOfStudy(): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ...STUDY.split('/'));
}

/** The study's text now. */
async function studyText(): Promise<string> {
  return (await vscode.workspace.openTextDocument(uriOfStudy())).getText();
}

/**
 * Puts the study back to TEXT, buffer and disk: the last test's edit may sit in an open
 * buffer (and auto-save, on by default in the browser, may write it later).
 */
async function resetStudy(): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uriOfStudy());
  if (document.getText() !== TEXT) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), TEXT);
    await vscode.workspace.applyEdit(edit);
  }
  await document.save();
  await waitFor(async () => (await indexSummary())?.studies, () => true);
}

suite('Coding by keyboard: the real picker and the selection rules', function () {
  // Keys go through the browser, and a loaded machine answers slowly.
  this.timeout(60_000);
  suiteSetup(async function () {
    if (!hasKeyboard()) {
      console.log('    (skipped: the keyboard bridge of test/runner/runOffline.mjs is not running)');
      this.skip();
    }
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    await writeWorkspaceFile(STUDY, TEXT);
    await indexSummary();
  });
  setup(async () => {
    await resetStudy();
    await vscode.commands.executeCommand('notifications.clearAll');
  });
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
  suiteTeardown(() => vscode.workspace.fs.delete(uriOfStudy()));

  test('type an existing code and press Enter: it is applied (the typed row is highlighted first)', async () => {
    await select('paid less than colleagues');
    const running = vscode.commands.executeCommand('qualsynth.codeSelection');
    // The highlighted row follows the typing: the code of that exact name.
    await keyboard({ waitFor: QUICK_PICK }, { type: 'low-pay' }, { waitFor: FOCUSED_ROW, hasText: 'low-pay.*code' }, { press: 'Enter' });
    await running;
    assert.equal(await studyText(), TEXT.replace('paid less than colleagues', '[paid less than colleagues]{#low-pay}'));
  });

  test('type a new name and press Enter: the new code is applied, with a one-line note of where it was filed', async () => {
    await select('felt treated like a client');
    const running = vscode.commands.executeCommand('qualsynth.codeSelection');
    await keyboard({ waitFor: QUICK_PICK }, { type: 'feeling-othered' }, { waitFor: FOCUSED_ROW, hasText: 'feeling-othered.*new code' }, { press: 'Enter' });
    await running;
    assert.equal(await studyText(), TEXT.replace('felt treated like a client', '[felt treated like a client]{#feeling-othered}'));
    await expectNotification(/new code #feeling-othered, filed under Uncategorised codes in the Themes view/);
  });

  test('Enter right away applies the most recent code, listed first; Ctrl+Alt+R applies it in one keystroke', async () => {
    await select('paid less than colleagues');
    const running = vscode.commands.executeCommand('qualsynth.codeSelection');
    await keyboard({ waitFor: QUICK_PICK }, { type: 'low-pay' }, { press: 'Enter' });
    await running;
    await select('felt treated like a client');
    const second = vscode.commands.executeCommand('qualsynth.codeSelection');
    await keyboard({ waitFor: QUICK_PICK }, { waitFor: FOCUSED_ROW, hasText: 'low-pay.*recent' }, { press: 'Escape' });
    await second;
    await select('first item of a list');
    await keyboard({ press: 'Control+Alt+R' });
    const expected = TEXT.replace('paid less than colleagues', '[paid less than colleagues]{#low-pay}').replace('first item of a list', '[first item of a list]{#low-pay}');
    assert.equal(await waitFor(studyText, (text) => text === expected, 5000), expected);
  });

  test('in vivo: Ctrl+Alt+Q (a quote) codes the passage with its own words as a new code', async () => {
    await select('treated like a client');
    await keyboard({ press: 'Control+Alt+Q' });
    const expected = TEXT.replace('treated like a client', '[treated like a client]{#treated-like-a-client}');
    assert.equal(await waitFor(studyText, (text) => text === expected, 5000), expected);
    await expectNotification(/new code #treated-like-a-client/);
  });

  test('in vivo from the picker: the row named after the selected words, reached with the arrow keys', async () => {
    await select('paid less');
    const running = vscode.commands.executeCommand('qualsynth.codeSelection');
    const steps = [{ waitFor: QUICK_PICK }, { pause: 200 }];
    // Down until the in-vivo row is highlighted (after the recent codes).
    let highlighted = '';
    for (let presses = 0; presses < 8 && !/paid-less/.test(highlighted); presses++) {
      const results = await keyboard(...(presses === 0 ? steps : []), { press: 'ArrowDown' }, { pause: 150 }, { read: FOCUSED_ROW });
      highlighted = results[results.length - 1]?.[0] ?? '';
    }
    assert.match(highlighted, /paid-less.*in vivo/s);
    await keyboard({ press: 'Enter' });
    await running;
    assert.equal(await studyText(), TEXT.replace('paid less', '[paid less]{#paid-less}'));
  });

  test('several codes by typing their names: one span with all of them', async () => {
    await select('paid less than colleagues');
    const running = vscode.commands.executeCommand('qualsynth.codeSelection');
    await keyboard({ waitFor: QUICK_PICK }, { type: 'low-pay role-ambiguity' }, { pause: 200 }, { press: 'Enter' });
    await running;
    assert.equal(await studyText(), TEXT.replace('paid less than colleagues', '[paid less than colleagues]{#low-pay #role-ambiguity}'));
  });

  test('several codes by ticking: the last row switches to check boxes, Space ticks, Enter applies the ticked', async () => {
    await select('paid less than colleagues');
    const running = vscode.commands.executeCommand('qualsynth.codeSelection');
    // Up from the first row wraps to the last one, "Tick several codes…".
    await keyboard({ waitFor: QUICK_PICK }, { press: 'ArrowUp' }, { waitFor: FOCUSED_ROW, hasText: 'Tick several codes' }, { press: 'Enter' });
    await keyboard({ waitFor: '.quick-input-widget input[placeholder^="Tick the codes"]' });
    const [, , , , ticked] = await keyboard({ press: 'ArrowDown' }, { press: 'Space' }, { press: 'ArrowDown' }, { press: 'Space' }, { read: '.quick-input-widget .monaco-list-row[aria-checked="true"]', attribute: 'aria-label' });
    const names = (ticked ?? []).map((label) => label.split(',')[0].trim());
    assert.equal(names.length, 2, `ticked: ${JSON.stringify(ticked)}`);
    await keyboard({ press: 'Enter' });
    await running;
    assert.equal(await studyText(), TEXT.replace('paid less than colleagues', `[paid less than colleagues]{${names.map((name) => `#${name}`).join(' ')}}`));
  });

  test('remove a code from the span under the cursor, from the same picker (-code, Enter)', async () => {
    const editor = await select('being treated');
    editor.selection = new vscode.Selection(editor.selection.start, editor.selection.start);
    const running = vscode.commands.executeCommand('qualsynth.codeSelection');
    await keyboard({ waitFor: QUICK_PICK }, { type: '-staff' }, { waitFor: FOCUSED_ROW, hasText: '-staff.*remove #staff-prejudice' }, { press: 'Enter' });
    await running;
    assert.equal(await studyText(), TEXT.replace('[being treated as patients by team members]{#staff-prejudice}', 'being treated as patients by team members'));
  });

  test('a selection cutting a span bracket is snapped inside it, and the note says so (whole file)', async () => {
    await select('reported [being treated');
    await vscode.commands.executeCommand('qualsynth.codeSelection', ['tokenism']);
    assert.equal(await studyText(), TEXT.replace('[being treated as patients', '[[being treated]{#tokenism} as patients'));
    await expectNotification(/cut through the span \[being treated as patients by t…\]\{#staff-prejudice\}, so the coded passage was shrunk/);
  });

  test('front matter and fenced code are refused with the reason; the file is unchanged', async () => {
    await select('Study one');
    await vscode.commands.executeCommand('qualsynth.codeSelection', ['tokenism']);
    await expectNotification(/in the front matter/);
    await vscode.commands.executeCommand('notifications.clearAll');
    await select('fenced code here');
    await vscode.commands.executeCommand('qualsynth.codeSelection', ['tokenism']);
    await expectNotification(/in a fenced code block/);
    assert.equal(await studyText(), TEXT);
  });

  test('a selection across two list items: the picker offers one span per block, Enter codes both', async () => {
    await select('list\n- second');
    const running = vscode.commands.executeCommand('qualsynth.codeSelection');
    const [, title] = await keyboard({ waitFor: QUICK_PICK }, { read: '.quick-input-widget .quick-input-title' });
    assert.match(title?.[0] ?? '', /crosses 2 blocks: one span per block/);
    await keyboard({ type: 'low-pay' }, { press: 'Enter' });
    await running;
    assert.equal(await studyText(), TEXT.replace('first item of a list\n- second', 'first item of a [list]{#low-pay}\n- [second]{#low-pay}'));
  });
});
