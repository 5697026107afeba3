/**
 * The coding stripes and the passage tints in the real editor: what the extension drew
 * (read back through its API), the setting that turns stripes off, and the first
 * top-level theme tinted with its palette colour (not the uncategorised grey) when the
 * codebook has no `Colour:` lines, as in this fixture.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QualSynthApi } from '../../src/extension';
import { EXTENSION_ID, indexSummary, uriOf } from './helpers';

suite('Editor: coding stripes and tints', () => {
  let api: QualSynthApi;
  suiteSetup(async () => {
    api = await vscode.extensions.getExtension<QualSynthApi>(EXTENSION_ID)!.activate();
    await indexSummary();
  });
  teardown(async () => {
    await vscode.workspace.getConfiguration('qualsynth').update('codingStripes', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the first top-level theme is tinted with palette colour 1 when the codebook has no Colour: lines', async () => {
    const editor = await vscode.window.showTextDocument(uriOf('studies/a.md'));
    await api.redrawHighlights();
    const { tints } = api.decorationsIn(editor);
    assert.deepEqual([...tints.keys()].sort(), ['theme1']);
    assert.equal(tints.get('theme1')?.length, 3, 'the quote, the excluded passage and the low-pay passage');
  });

  test('stripes: a lane per code on each line, one colour per code within its theme\'s hue, names for the hover', async () => {
    const editor = await vscode.window.showTextDocument(uriOf('studies/a.md'));
    await api.redrawHighlights();
    const stripes = api.decorationsIn(editor).stripes!;
    const text = editor.document.getText();
    const lineOf = (needle: string) => editor.document.positionAt(text.indexOf(needle)).line;
    const byLine = new Map(stripes.runs.flatMap((run) => Array.from({ length: run.endLine - run.startLine + 1 }, (_, n) => [run.startLine + n, run.codes.join(' ')] as const)));
    assert.equal(byLine.get(lineOf('"They still see me')), 'staff-prejudice');
    assert.equal(byLine.get(lineOf('being excluded')), 'staff-prejudice role-ambiguity', 'two codes side by side');
    assert.equal(byLine.get(lineOf('pay well below')), 'low-pay');
    assert.equal(byLine.get(lineOf('## Findings')), undefined);
    const colours = ['staff-prejudice', 'role-ambiguity', 'low-pay'].map((code) => stripes.colours.get(code));
    assert.equal(new Set(colours).size, 3, `one colour per code: ${colours.join(', ')}`);
    assert.equal(colours[0], '#e63946', 'the first theme\'s first code has its palette colour');
  });

  test('the setting turns the stripes off and on again', async () => {
    const editor = await vscode.window.showTextDocument(uriOf('studies/a.md'));
    await vscode.workspace.getConfiguration('qualsynth').update('codingStripes', false, vscode.ConfigurationTarget.Global);
    await api.redrawHighlights();
    assert.deepEqual(api.decorationsIn(editor).stripes?.runs, []);
    assert.equal(api.decorationsIn(editor).tints.size, 1, 'tints stay');
    await vscode.workspace.getConfiguration('qualsynth').update('codingStripes', true, vscode.ConfigurationTarget.Global);
    await api.redrawHighlights();
    assert.ok((api.decorationsIn(editor).stripes?.runs.length ?? 0) > 0);
  });
});
