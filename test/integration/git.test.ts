import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { AgreementReport } from '../../src/core/agreement';
import type { CodingDiff } from '../../src/core/diff';
import { gitInWorkspace, indexSummary, workspaceRoot } from './helpers';

suite('Teams in git: coding diff and agreement commands', () => {
  const root = () => workspaceRoot().fsPath;
  const git = gitInWorkspace;
  const study = () => path.join(root(), 'studies', 'b.md');
  let original = '';

  suiteSetup(async () => {
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
      const shown = vscode.window.activeTextEditor?.document;
      assert.equal(shown?.languageId, 'markdown');
      assert.match(shown!.getText(), /low-pay/);
    } finally {
      writeFileSync(study(), original);
    }
  });

  test('Inter-coder Agreement compares two branches', async () => {
    const report = await vscode.commands.executeCommand<AgreementReport>('qualsynth.interCoderAgreement', ['main', 'coder-b'], 'block');
    assert.deepEqual(report.coders, ['main', 'coder-b']);
    assert.deepEqual(report.disagreements.map((disagreement) => [disagreement.path, disagreement.codes]), [['studies/b.md', ['low-pay']]]);
    assert.match(vscode.window.activeTextEditor!.document.getText(), /Krippendorff/);
  });
});
