import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QualSynthApi } from '../../src/extension';
import { EXTENSION_ID, indexSummary, waitFor, workspaceRoot } from './helpers';
import { hasKeyboard, keyboard } from './keyboard';

/** The welcome content of the QualSynth view, as the workbench draws it. */
const WELCOME = '.welcome-view-content';

/** Every file under a folder, relative to it, sorted. */
async function filesUnder(folder: vscode.Uri, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const [name, type] of await vscode.workspace.fs.readDirectory(folder)) {
    if (type === vscode.FileType.Directory) found.push(...(await filesUnder(vscode.Uri.joinPath(folder, name), `${prefix}${name}/`)));
    else found.push(`${prefix}${name}`);
  }
  return found.sort();
}

/**
 * Runs only in a folder without a review (`node test/runner/runOffline.mjs --first-run`):
 * the QualSynth view welcomes with New Review… and Open the Demo Review, and New Review…
 * indexes the new review without a window reload.
 */
suite('First run in an empty folder', function () {
  let api: QualSynthApi;

  suiteSetup(async function () {
    const markers = await vscode.workspace.findFiles('{**/qualsynth.yaml,**/codebook.md}', undefined, 1);
    if (markers.length > 0) return this.skip();
    api = await vscode.extensions.getExtension<QualSynthApi>(EXTENSION_ID)!.activate();
  });

  test('the QualSynth view shows a welcome with New Review… and Open the Demo Review', async function () {
    assert.equal(await indexSummary(), undefined, 'no review yet');
    if (!hasKeyboard()) return this.skip();
    await vscode.commands.executeCommand('workbench.view.extension.qualsynth');
    const [, [welcome]] = (await keyboard({ waitFor: WELCOME, hasText: 'No review in this folder' }, { read: WELCOME })) as string[][];
    assert.match(welcome, /New Review…/);
    assert.match(welcome, /Open the Demo Review/);
  });

  test('New Review… in the open folder indexes the new review at once, without a reload', async function () {
    const folder = await vscode.commands.executeCommand<vscode.Uri>('qualsynth.newReview', workspaceRoot());
    assert.equal(folder?.toString(), workspaceRoot().toString());
    const summary = await waitFor(indexSummary, (found) => found !== undefined, 5000);
    assert.equal(summary?.studies, 1, 'the example study is indexed');
    const themes = await api.views.themes.getChildren();
    assert.ok(themes.length > 0, 'the Themes view has the example themes');
    assert.match(api.statusBarText(), /1 study · \d+ codes? · \d+ segments?/);
    if (hasKeyboard()) {
      // The welcome gives way to the Themes and Studies views.
      await keyboard({ waitFor: WELCOME, hasText: 'No review in this folder', state: 'hidden' }, { waitFor: '.pane-header', hasText: 'Themes' });
    }
  });

  test('Open the Demo Review copies the bundled demo into a new folder, never over files', async () => {
    const target = vscode.Uri.joinPath(workspaceRoot(), 'demo-copy');
    const demo = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'dist', 'demo', 'peer-support');
    try {
      assert.equal((await vscode.commands.executeCommand<vscode.Uri>('qualsynth.openDemoReview', target))?.toString(), target.toString());
      const files = await filesUnder(target);
      assert.deepEqual(files, await filesUnder(demo));
      assert.equal(files.filter((file) => file.startsWith('studies/')).length, 27);
      const read = async (root: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, 'codebook.md')));
      assert.equal(await read(target), await read(demo), 'byte-identical');
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, 'codebook.md'), new TextEncoder().encode('mine'));
      assert.equal(await vscode.commands.executeCommand('qualsynth.openDemoReview', target), undefined, 'refused: the folder exists');
      assert.equal(await read(target), 'mine');
    } finally {
      await vscode.workspace.fs.delete(target, { recursive: true, useTrash: false });
    }
  });
});
