import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QualSynthApi } from '../../src/extension';
import { EXTENSION_ID, indexSummary, waitFor, workspaceRoot } from './helpers';

suite('First run: New Review and New Study', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));
  // Earlier suites delete the files they made; wait until the index has seen that.
  suiteSetup(() => waitFor(indexSummary, (summary) => summary?.studies === 2));

  test('New Study creates a study from the template with a unique id, and the index picks it up', async () => {
    const before = (await indexSummary())!;
    const uri = await vscode.commands.executeCommand<vscode.Uri>('qualsynth.newStudy', 'Alder 2010');
    try {
      // a.md already has the id alder-2010
      assert.ok(uri.path.endsWith('/studies/alder-2010-2.md'), uri.path);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(text, /^---\nid: alder-2010-2\ncitation: "Alder\. Title of the study\. Journal\. 2010\."\nauthors: \[Alder\]\nyear: 2010\n/);
      assert.match(text, /casp: .*\n  aims: cant-tell\n/);
      const after = await waitFor(indexSummary, (summary) => summary?.studies === before.studies + 1);
      assert.equal(after?.studies, before.studies + 1);
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitFor(indexSummary, (summary) => summary?.studies === before.studies);
    // The deleted study is still open, unchanged: redrawing its highlights must not index its buffer again.
    // (The web worker extension host drops the deleted file's editor, so there it is only the index that is checked.)
    if (typeof process !== 'undefined') assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    await vscode.extensions.getExtension<QualSynthApi>(EXTENSION_ID)!.exports.redrawHighlights();
    assert.equal((await indexSummary())?.studies, before.studies, 'a study deleted on disk stays out of the index');
  });

  test('New Review scaffolds a review in an empty folder and refuses a folder that has one', async () => {
    const folder = vscode.Uri.joinPath(workspaceRoot(), 'scratch-new-review');
    try {
      await vscode.commands.executeCommand('qualsynth.newReview', folder);
      const names = (await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name).sort();
      assert.deepEqual(names, ['codebook.md', 'qualsynth.yaml', 'studies']);
      const codebook = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'codebook.md')));
      assert.match(codebook, /- #example-code: /);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'codebook.md'), new TextEncoder().encode('mine'));
      assert.equal(await vscode.commands.executeCommand('qualsynth.newReview', folder), undefined);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'codebook.md'))), 'mine');
    } finally {
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });
});
