/**
 * The extension's writes go through the safe file layer (issue 17): the Node extension
 * host only, since it makes symbolic links with Node's fs (the web worker host has none).
 */
import * as assert from 'node:assert/strict';
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import * as vscode from 'vscode';
import { indexSummary, waitFor, workspaceRoot } from './helpers';

suite('Safe writes: the extension never writes through a link', () => {
  suiteSetup(() => waitFor(indexSummary, (summary) => summary?.studies === 2));
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Compile Synthesis Report never writes through a link: a report file linked outside the review is refused, nothing written', async () => {
    const root = workspaceRoot().fsPath;
    const victim = nodePath.join(nodePath.dirname(root), `victim-${process.pid}.txt`);
    writeFileSync(victim, 'not yours\n');
    mkdirSync(nodePath.join(root, 'reports'), { recursive: true });
    symlinkSync(nodePath.relative(nodePath.join(root, 'reports'), victim), nodePath.join(root, 'reports/synthesis.html'));
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri[] | undefined>('qualsynth.compileReport');
      assert.equal(written, undefined, 'the command reports the refusal and writes nothing');
      assert.equal(readFileSync(victim, 'utf8'), 'not yours\n', 'the file outside the review is unchanged');
      assert.deepEqual(readdirSync(nodePath.join(root, 'reports')), ['synthesis.html'], 'no other report file was written either');
      assert.ok(lstatSync(nodePath.join(root, 'reports/synthesis.html')).isSymbolicLink(), 'the link itself is left alone');
    } finally {
      rmSync(nodePath.join(root, 'reports'), { recursive: true, force: true });
      rmSync(victim, { force: true });
    }
  });
});
