import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AgreementReport } from '../../src/core/agreement';
import type { CodingDiff } from '../../src/core/diff';
import type { QualSynthApi } from '../../src/extension';
import { gitInWorkspace } from './gitHelpers';
import { EXTENSION_ID, indexSummary, workspaceRoot } from './helpers';

/** The coding-result panel's page, once it shows `expected`. */
async function panelHtml(api: QualSynthApi, expected: RegExp): Promise<string> {
  const panel = api.codingResults.currentPanel;
  assert.ok(panel, 'the result opens in a webview panel');
  assert.match(panel.webview.html, expected);
  return panel.webview.html;
}

suite('Teams in git: coding diff and agreement commands', () => {
  const root = () => workspaceRoot().fsPath;
  const git = gitInWorkspace;
  const study = () => path.join(root(), 'studies', 'b.md');
  let original = '';
  let api: QualSynthApi;

  suiteSetup(async () => {
    api = await vscode.extensions.getExtension<QualSynthApi>(EXTENSION_ID)!.activate();
    await indexSummary();
    original = readFileSync(study(), 'utf8');
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'coder A');
    git('checkout', '-q', '-b', 'coder-b');
    // Coder B adds a code to the same passage: the text stays, the coding differs.
    writeFileSync(study(), original.replace('{#social-network}.', '{#social-network #low-pay}.'));
    git('commit', '-q', '-am', 'coder B');
    git('checkout', '-q', 'main');
  });
  suiteTeardown(async () => {
    writeFileSync(study(), original);
    rmSync(path.join(root(), '.git'), { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Compare Coding with Revision shows the segments added in the working tree', async () => {
    writeFileSync(study(), original.replace('{#social-network}.', '{#social-network #low-pay}.'));
    try {
      const diff = await vscode.commands.executeCommand<CodingDiff>('qualsynth.compareWithRevision', 'HEAD');
      const lowPay = diff.codes.find((code) => code.code === 'low-pay');
      assert.ok(lowPay, JSON.stringify(diff.codes.map((code) => code.code)));
      assert.deepEqual(lowPay.added.map((segment) => [segment.path, segment.line]), [['studies/b.md', 15]]);
      assert.deepEqual(lowPay.removed, []);
      // Rendered, read-only, in a webview with a strict CSP: no untitled Markdown editor.
      assert.ok(!vscode.workspace.textDocuments.some((document) => document.isUntitled), 'no untitled editor opened');
      const html = await panelHtml(api, /<table>/);
      assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; [^"]*script-src 'nonce-[A-Za-z0-9]+'/);
      assert.doesNotMatch(html, /unsafe-inline|<details>|<script>/);
      assert.deepEqual(api.codingResults.currentPanel!.webview.options.localResourceRoots?.map((uri) => uri.path.split('/').pop()), ['media']);
      assert.match(html, /<a href="studies\/b\.md#L15"><code>studies\/b\.md:15<\/code><\/a>/, 'each passage links to its study and line');
      // The link opens the study at the passage's line.
      assert.equal(await api.codingResults.followLink('studies/b.md#L15'), true);
      assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith('/studies/b.md'));
      assert.equal(vscode.window.activeTextEditor?.selection.active.line, 14);
      assert.equal(await api.codingResults.followLink('../outside.md#L1'), false, 'nothing outside the review opens');
      // Markdown is still available, by command.
      const markdown = await vscode.commands.executeCommand<vscode.TextEditor>('qualsynth.openCodingResultAsMarkdown');
      assert.equal(markdown?.document.languageId, 'markdown');
      assert.match(markdown!.document.getText(), /\| Coded passages \|/);
      assert.match(markdown!.document.getText(), /#low-pay/);
    } finally {
      writeFileSync(study(), original);
    }
  });

  test('Inter-coder Agreement compares two branches', async () => {
    const report = await vscode.commands.executeCommand<AgreementReport>('qualsynth.interCoderAgreement', ['main', 'coder-b'], 'block');
    assert.deepEqual(report.coders, ['main', 'coder-b']);
    assert.deepEqual(report.disagreements.map((disagreement) => [disagreement.path, disagreement.codes]), [['studies/b.md', ['low-pay']]]);
    const panel = api.codingResults.currentPanel;
    const html = await panelHtml(api, /Krippendorff/);
    assert.equal(api.codingResults.currentPanel, panel, 'the one panel is reused');
    assert.equal(panel?.title, 'Inter-coder agreement');
    // The disagreement's line links to the passage.
    assert.match(html, /<a href="studies\/b\.md#L\d+">\d+<\/a>/);
  });
});
