import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReconcileResult } from '../../src/vscode/git/reconcileCoding';
import { gitInWorkspace } from './gitHelpers';
import { indexSummary, workspaceRoot } from './helpers';

/** Runs a command that opens quick picks, pressing `key` (a keybinding's command) until it settles. */
async function pressUntilDone<T>(running: Thenable<T>, key: string): Promise<T> {
  let done = false;
  const result = Promise.resolve(running).finally(() => (done = true));
  while (!done) {
    await vscode.commands.executeCommand(key);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return result;
}

/** Closes every editor and waits (up to 5 s) until the extension host has let go of every untitled document. */
async function closeUntitledDocuments(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  for (let waited = 0; waited < 5000 && vscode.workspace.textDocuments.some((document) => document.isUntitled); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

suite('Teams in git: set up team merging, reconcile coding', () => {
  const root = () => workspaceRoot().fsPath;
  const git = gitInWorkspace;
  const study = () => path.join(root(), 'studies', 'b.md');
  let original = '';

  suiteSetup(async () => {
    await indexSummary();
    original = readFileSync(study(), 'utf8');
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'review');
    git('checkout', '-q', '-b', 'coder-a');
    writeFileSync(study(), original.replace('{#social-network}.', '{#social-network #low-pay}.'));
    git('commit', '-q', '-am', 'coder A');
    git('checkout', '-q', '-b', 'coder-b', 'main');
    writeFileSync(study(), original.replace('> #social-network\n', '> #social-network #wellness\n'));
    git('commit', '-q', '-am', 'coder B');
    git('checkout', '-q', 'main');
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    writeFileSync(study(), original);
    rmSync(path.join(root(), '.git'), { recursive: true, force: true });
    rmSync(path.join(root(), '.gitattributes'), { force: true });
  });

  test('Set Up Team Merging shows what it writes, writes it on Enter, and is idempotent', async () => {
    assert.equal(existsSync(path.join(root(), '.gitattributes')), false, 'no .gitattributes before the command (an earlier suite left one)');
    assert.throws(() => git('config', '--local', '--get', 'merge.qualsynth.driver'), 'no merge driver before the command');
    // The plan opens as an untitled document: an earlier suite's untitled result (Compare
    // Coding's) must be gone first, or its stale `Untitled-1` stands for the new one.
    await closeUntitledDocuments();
    const running = vscode.commands.executeCommand<boolean>('qualsynth.setupTeamMerging');
    assert.equal(await pressUntilDone(running, 'workbench.action.acceptSelectedQuickOpenItem'), true);
    const shown = vscode.workspace.textDocuments.find((document) => document.getText().startsWith('# QualSynth: team merging'));
    assert.ok(shown, `the plan was shown before writing (open: ${vscode.workspace.textDocuments.map((document) => document.uri.toString()).join(', ')})`);
    assert.match(shown.getText(), /\/studies\/\*\*\/\*\.md merge=qualsynth/);
    assert.equal(readFileSync(path.join(root(), '.gitattributes'), 'utf8'), '# QualSynth: merge codings, not lines (qualsynth setup-git)\n/studies/**/*.md merge=qualsynth\n/codebook.md merge=qualsynth\n');
    const driver = git('config', '--local', 'merge.qualsynth.driver');
    assert.match(driver, /dist\/cli\.js' merge-driver %O %A %B %P; else git merge-file/);
    assert.ok(existsSync(/'([^']*dist\/cli\.js)'/.exec(driver)![1]), 'the driver names the bundled CLI');
    assert.equal(await vscode.commands.executeCommand('qualsynth.setupTeamMerging'), true, 'a second run finds nothing to write');
    assert.equal(git('config', '--local', 'merge.qualsynth.driver'), driver);
  });

  test('Reconcile Coding… cancelled with Escape changes nothing', async () => {
    const running = vscode.commands.executeCommand<ReconcileResult | undefined>('qualsynth.reconcileCoding', ['coder-a', 'coder-b']);
    assert.equal(await pressUntilDone(running, 'workbench.action.closeQuickOpen'), undefined);
    const document = await vscode.workspace.openTextDocument(study());
    assert.equal(document.isDirty, false);
    assert.equal(document.getText(), original);
  });

  test('Reconcile Coding… accepting the first coder for each disagreement is ONE undoable edit of the current branch', async () => {
    const running = vscode.commands.executeCommand<ReconcileResult | undefined>('qualsynth.reconcileCoding', ['coder-a', 'coder-b']);
    const result = await pressUntilDone(running, 'workbench.action.acceptSelectedQuickOpenItem');
    assert.ok(result);
    assert.equal(result.applied.length, 2);
    assert.deepEqual(result.changed, ['studies/b.md']);
    const document = await vscode.workspace.openTextDocument(study());
    assert.equal(document.getText(), original.replace('{#social-network}.', '{#social-network #low-pay}.'), 'coder A\'s codes, nothing else');
    assert.equal(document.isDirty, true, 'left unsaved for review');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), original, 'one undo reverts it');
    await vscode.commands.executeCommand('workbench.action.files.save');
  });

  test('Reconcile Coding… with choices by id (scripts): both coders\' codes', async () => {
    const listed = await vscode.commands.executeCommand<ReconcileResult | undefined>('qualsynth.reconcileCoding', ['coder-a', 'coder-b'], {});
    assert.equal(listed, undefined, 'no choice, no edit');
    const report = await vscode.commands.executeCommand<{ disagreements: Array<{ id: string }> }>('qualsynth.interCoderAgreement', ['coder-a', 'coder-b'], 'block');
    const choices = Object.fromEntries(report.disagreements.map((entry) => [entry.id, 'both']));
    const result = await vscode.commands.executeCommand<ReconcileResult>('qualsynth.reconcileCoding', ['coder-a', 'coder-b'], choices);
    assert.equal(result.applied.length, 2);
    const document = await vscode.workspace.openTextDocument(study());
    assert.equal(document.getText(), original.replace('{#social-network}.', '{#social-network #low-pay}.').replace('> #social-network\n', '> #social-network #wellness\n'));
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('workbench.action.files.save');
  });
});
