/**
 * GRADE-CERQual in the editor: "Record CERQual Judgement…" walked by keyboard through
 * its real pickers (keys typed by the runner's keyboard bridge), one undoable edit of
 * the codebook compared whole; the hover on the judgement; the confidence in the
 * Themes view.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { reviewFindingEvidence } from '../../src/core/cerqual/reviewFindings';
import { findTheme } from '../../src/core/edits/codebookEdits';
import { loadReview } from '../../src/core/review';
import { WorkspaceHost } from '../../src/vscode/workspaceHost';
import { EXTENSION_ID, indexSummary, plain, uriOf, waitFor, workspaceRoot } from './helpers';
import { FOCUSED_ROW, QUICK_PICK, hasKeyboard, keyboard, type KeyStep } from './keyboard';
import { descriptionBecomes, viewsApi, type Tree } from './viewHelpers';

const CODEBOOK = 'codebook.md';
const THEME = ['Experiences of peer support workers', 'Discrimination and prejudice from nonpeer staff'];
const HEADING = '## Discrimination and prejudice from nonpeer staff\n';

/** Waits until the quick input shows the step whose title matches `title`. */
const step = (title: string): KeyStep => ({ waitFor: '.quick-input-widget .quick-input-title', hasText: title });
/** Replaces what an input box holds with `text` and accepts it. */
const retype = (text: string): KeyStep[] => [{ press: 'Control+A' }, { type: text }, { press: 'Enter' }];

/** The review's files as the fixture has them, buffer and disk: a failed test before may have left an edit. */
async function restoreFixture(): Promise<void> {
  const fixture = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'test', 'fixtures', 'review-basic');
  for (const path of [CODEBOOK, 'studies/a.md', 'studies/b.md']) {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(fixture, ...path.split('/'))));
    const document = await vscode.workspace.openTextDocument(uriOf(path));
    if (document.getText() !== text) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
      await vscode.workspace.applyEdit(edit);
    }
    if (document.isDirty) await document.save();
  }
  await indexSummary();
}

async function codebookEditor(): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriOf(CODEBOOK)), { preview: false });
}

/** The basis the command must record: the fixture's evidence for the theme, computed by the core. */
async function expectedBasis(codebookText: string): Promise<string> {
  const review = await loadReview(new WorkspaceHost(workspaceRoot()));
  review.updateCodebookText(codebookText);
  const theme = findTheme(review.index.codebook, THEME)!;
  const { studies, segments, fingerprint } = reviewFindingEvidence(review.index, theme, review.config.cerqual).basis;
  assert.deepEqual([studies, segments], [['alder-2010'], 2], 'Alder & Byrne 2010 codes the theme twice');
  return `- Judged on: 1 study (alder-2010); 2 segments (fingerprint ${fingerprint}).`;
}

suite('GRADE-CERQual: Record CERQual Judgement… by keyboard, the hover, the Themes view', function () {
  // Keys go through the browser, and a loaded machine answers slowly.
  this.timeout(90_000);
  let themes: Tree;
  suiteSetup(async function () {
    ({ themes } = await viewsApi());
    if (!hasKeyboard()) {
      console.log('    (skipped: the keyboard bridge of test/runner/runOffline.mjs is not running)');
      this.skip();
    }
  });
  setup(restoreFixture);
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const document = await vscode.workspace.openTextDocument(uriOf(CODEBOOK));
    if (document.isDirty) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('walks the four components by keyboard and writes one undoable edit of the codebook, the rest byte-identical', async () => {
    const editor = await codebookEditor();
    const before = editor.document.getText();
    assert.ok(before.includes(HEADING), 'the fixture has the theme');
    const running = vscode.commands.executeCommand<boolean>('qualsynth.recordCerqualJudgement', THEME);
    await keyboard(
      { waitFor: QUICK_PICK },
      step('summary of the review finding \\(1/11\\)'),
      ...retype('Nonpeer staff treated peer workers as patients.'),
      // Methodological limitations: down one from "No or very minor" to "Minor", then why.
      step('Methodological limitations \\(2/11\\)'),
      { waitFor: '.quick-input-widget .monaco-list-row', hasText: 'The contributing study has no CASP answers' },
      { press: 'ArrowDown' },
      { waitFor: FOCUSED_ROW, hasText: 'Minor concerns' },
      { press: 'Enter' },
      step('why minor concerns \\(3/11\\)'),
      ...retype('the one study has no CASP answers.'),
      // Coherence: keep "No or very minor", accept the data line offered as the explanation.
      step('Coherence \\(4/11\\)'),
      { waitFor: FOCUSED_ROW, hasText: 'No or very minor concerns' },
      { press: 'Enter' },
      step('why no or very minor concerns \\(5/11\\)'),
      { press: 'Enter' },
      step('Adequacy \\(6/11\\)'),
      { press: 'ArrowDown' },
      { press: 'ArrowDown' },
      { waitFor: FOCUSED_ROW, hasText: 'Moderate concerns' },
      { press: 'Enter' },
      step('\\(7/11\\)'),
      ...retype('one study, two segments.'),
      step('Relevance \\(8/11\\)'),
      { press: 'ArrowDown' },
      { press: 'ArrowDown' },
      { press: 'ArrowDown' },
      { waitFor: FOCUSED_ROW, hasText: 'Serious concerns' },
      { press: 'Enter' },
      step('\\(9/11\\)'),
      ...retype('peer workers in the UK only.'),
      // Overall: it starts at high; down two to low; accept the summary of the concerns.
      step('overall confidence \\(10/11\\)'),
      { waitFor: FOCUSED_ROW, hasText: 'High confidence' },
      { press: 'ArrowDown' },
      { press: 'ArrowDown' },
      { waitFor: FOCUSED_ROW, hasText: 'Low confidence' },
      { press: 'Enter' },
      step('why low confidence \\(11/11\\)'),
      { press: 'Enter' },
    );
    assert.equal(await running, true);
    const block = [
      'Finding: Nonpeer staff treated peer workers as patients.',
      '',
      'CERQual: low — serious concerns about relevance, moderate concerns about adequacy, minor concerns about methodological limitations, and no or very minor concerns about coherence.',
      '',
      '- Methodological limitations: minor concerns — the one study has no CASP answers.',
      '- Coherence: no or very minor concerns — By code: #staff-prejudice 1 study, 2 segments; #role-ambiguity 1 study, 1 segment.',
      '- Adequacy: moderate concerns — one study, two segments.',
      '- Relevance: serious concerns — peer workers in the UK only.',
      await expectedBasis(before),
    ].join('\n');
    assert.equal(editor.document.getText(), before.replace(HEADING, `${HEADING}\n${block}\n\n`));

    // The Themes view shows the finding's confidence; the hover on the judgement, its data.
    await descriptionBecomes(themes, THEME, '1 study · low confidence');
    const line = editor.document.getText().split('\n').findIndex((text) => text.startsWith('- Adequacy:'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 4));
    const shown = hovers.map((hover) => hover.contents.map((content) => plain(content as vscode.MarkdownString)).join('\n')).join('\n');
    assert.match(shown, /Discrimination and prejudice from nonpeer staff\*\* — _Nonpeer staff treated peer workers as patients\._/);
    assert.match(shown, /1 study · 2 segments \(1 first-order\) · participants not reported/);
    assert.match(shown, /Adequacy\*\*: Moderate concerns — one study, two segments\./);
    assert.match(shown, /1 study, 2 segments \(1 first-order, 50%\); no study reports its participants\./);
    // The finding's heading shows the same card.
    const headingLine = editor.document.getText().split('\n').indexOf(HEADING.trimEnd());
    const onHeading = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(headingLine, 5));
    const headingShown = onHeading.map((hover) => hover.contents.map((content) => plain(content as vscode.MarkdownString)).join('\n')).join('\n');
    assert.match(headingShown, /Discrimination and prejudice from nonpeer staff\*\* — _Nonpeer staff treated peer workers as patients\._/);
    assert.match(headingShown, /GRADE-CERQual: Low confidence — serious concerns about relevance/);
    assert.match(headingShown, /1 study · 2 segments \(1 first-order\) · participants not reported/);

    // One undo takes the whole judgement back.
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText(), (text) => text === before);
    assert.equal(editor.document.getText(), before);
  });

  test('Escape halfway through leaves the codebook as it was', async () => {
    const editor = await codebookEditor();
    const before = editor.document.getText();
    const running = vscode.commands.executeCommand<boolean>('qualsynth.recordCerqualJudgement', THEME);
    await keyboard({ waitFor: QUICK_PICK }, step('\\(1/11\\)'), { press: 'Enter' }, step('Methodological limitations \\(2/11\\)'), { press: 'Enter' }, step('\\(3/11\\)'), { press: 'Escape' });
    assert.equal(await running, false);
    assert.equal(editor.document.getText(), before);
    assert.equal(editor.document.isDirty, false);
  });
});
