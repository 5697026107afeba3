import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, indexSummary, waitFor, workspaceRoot } from './helpers';

/** The manifest's `%key%` placeholders. */
const PLACEHOLDER = /^%([\w.]+)%$/;

/** Every string value of a JSON tree. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

suite('Contributions: what package.json promises is there', () => {
  const extension = () => vscode.extensions.getExtension(EXTENSION_ID)!;
  const readJson = (name: string) => JSON.parse(readFileSync(join(extension().extensionPath, name), 'utf8'));

  suiteSetup(async () => {
    await extension().activate();
    await indexSummary();
  });
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('every contributed command is registered after activation', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed: string[] = readJson('package.json').contributes.commands.map((command: { command: string }) => command.command);
    assert.ok(contributed.length >= 25, `${contributed.length} commands`);
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), []);
  });

  test("every %key% of package.json has a string in package.nls.json, and VS Code's copy has them replaced", () => {
    const nls: Record<string, string> = readJson('package.nls.json');
    const keys = strings(readJson('package.json')).map((value) => PLACEHOLDER.exec(value)?.[1]).filter((key): key is string => key !== undefined);
    assert.ok(keys.length > 40, `${keys.length} placeholders`);
    assert.deepEqual(keys.filter((key) => typeof nls[key] !== 'string'), []);
    const loaded = extension().packageJSON;
    assert.deepEqual(strings(loaded).filter((value) => PLACEHOLDER.test(value)), []);
    const newReview = loaded.contributes.commands.find((command: { command: string }) => command.command === 'qualsynth.newReview');
    assert.equal(newReview.title, 'New Review…');
  });

  test('every walkthrough page exists', () => {
    const steps: Array<{ id: string; media: Record<string, string> }> = readJson('package.json').contributes.walkthroughs.flatMap((walkthrough: { steps: unknown[] }) => walkthrough.steps);
    assert.equal(steps.length, 4);
    for (const step of steps) {
      for (const file of Object.values(step.media).filter((value) => typeof value === 'string' && value.startsWith('media/'))) {
        assert.ok(existsSync(join(extension().extensionPath, file)), `${step.id}: ${file} missing`);
      }
    }
  });

  test('every setting is registered with the default package.json gives it', () => {
    const properties: Record<string, { default: unknown }> = readJson('package.json').contributes.configuration.properties;
    const configuration = vscode.workspace.getConfiguration();
    for (const [name, property] of Object.entries(properties)) {
      assert.deepEqual(configuration.inspect(name)?.defaultValue, property.default, name);
    }
  });

  test('Show All Segments without an argument (its keybinding) shows the code under the cursor', async () => {
    // Earlier suites restore the files they changed; wait until the index has seen it.
    await waitFor(indexSummary, (summary) => summary?.studies === 2 && summary.segments === 5);
    const study = vscode.Uri.joinPath(workspaceRoot(), 'studies', 'a.md');
    const editor = await vscode.window.showTextDocument(study);
    const cursor = editor.document.positionAt(editor.document.getText().indexOf('#low-pay') + 3);
    editor.selection = new vscode.Selection(cursor, cursor);
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('qualsynth.showAllSegments');
    assert.ok(document, 'no segments document');
    assert.equal(document.uri.scheme, 'qualsynth-segments');
    assert.deepEqual(JSON.parse(document.uri.query), { code: 'low-pay' });
    assert.match(document.getText(), /^# #low-pay — 1 segment in 1 study/);
  });

  test('the walkthrough opens', async () => {
    await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#getStarted`, false);
    const label = await waitFor(() => vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '', (text) => /Welcome|Walkthrough/i.test(text));
    assert.match(label, /Welcome|Walkthrough/i);
  });
});
