import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readDisk, uriOf, workspaceRoot, writeWorkspaceFile } from './helpers';

/**
 * The whole workspace as the user sees it, for tests of edits that must touch only what
 * they mean to: snapshot, compare whole files with what changed, put it back.
 */

/** The workspace as the user sees it: each file's open buffer, or its bytes on disk. */
export async function snapshot(): Promise<Map<string, string>> {
  const files = await vscode.workspace.findFiles('**/*');
  const root = workspaceRoot().path;
  const texts = new Map<string, string>();
  for (const uri of files.sort((a, b) => a.path.localeCompare(b.path))) {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    const path = uri.path.slice(root.length + 1);
    texts.set(path, open ? open.getText() : await readDisk(path));
  }
  return texts;
}

/** Asserts the workspace is `before` with the whole texts in `changed` (the rest byte for byte). */
export async function assertWorkspace(before: ReadonlyMap<string, string>, changed: Record<string, string>, what: string): Promise<void> {
  const expected = new Map(before);
  for (const [path, text] of Object.entries(changed)) {
    assert.ok(before.has(path), `${path} is a file of the workspace`);
    assert.notEqual(text, before.get(path), `${what}: the expected ${path} differs from the original (a test that can fail)`);
    expected.set(path, text);
  }
  const found = await snapshot();
  assert.deepEqual([...found.keys()], [...expected.keys()], `${what}: the same files`);
  for (const [path, text] of expected) assert.equal(found.get(path), text, `${what}: ${path}`);
}

/**
 * After the undo, each file's buffer holds its original text; VS Code's F2 saved the files
 * it changed (`files.refactoring.autoSave`, on by default), so saving them now writes the
 * original bytes back.
 */
async function assertSavedBack(before: ReadonlyMap<string, string>, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    const document = await vscode.workspace.openTextDocument(uriOf(path));
    if (document.isDirty) assert.ok(await document.save(), `${path} saved`);
    assert.equal(await readDisk(path), before.get(path), `${path} on disk after the undo`);
  }
}

/**
 * One `undo` in `document`'s editor puts every file of the workspace back as `before`
 * had it, and saving the `changed` files then writes their original bytes.
 */
export async function assertOneUndoRestores(before: ReadonlyMap<string, string>, document: vscode.TextDocument, changed: Record<string, string>): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('undo');
  await assertWorkspace(before, {}, 'after one undo');
  await assertSavedBack(before, Object.keys(changed));
}

/** Puts every file back as `before` had it (buffers reverted to disk, disk rewritten where it differs). */
export async function restore(before: ReadonlyMap<string, string>): Promise<void> {
  for (const [path, text] of before) {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uriOf(path).toString());
    if (open && open.getText() !== text) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(open.uri, new vscode.Range(0, 0, open.lineCount, 0), text);
      await vscode.workspace.applyEdit(edit);
    }
    if (open?.isDirty) await open.save();
    if ((await readDisk(path)) !== text) await writeWorkspaceFile(path, text);
  }
}
