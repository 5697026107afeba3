/**
 * Helpers of the view suites: the trees as outlines, items by label path, buffers of
 * review files, and waiting for the trees to settle.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QualSynthApi } from '../../src/extension';
import type { ViewItem } from '../../src/vscode/views/treeItems';
import { EXTENSION_ID, indexSummary, plain, readDisk, uriOf, waitFor, workspaceRoot } from './helpers';

export { plain, readDisk, uriOf };

/** A provider of either tree, as the tests use it. */
export interface Tree {
  getChildren(item?: ViewItem): Promise<ViewItem[]>;
  resolveTreeItem(treeItem: vscode.TreeItem, item: ViewItem): vscode.TreeItem;
  refreshCount: number;
  readonly refreshPending: boolean;
}

export const CODEBOOK = 'codebook.md';
export const THEMES_MIME = 'application/vnd.code.tree.qualsynth.themes';

export function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** The tree as indented `label — description` lines, down to `depth` levels. */
export async function outline(tree: Tree, depth: number, item?: ViewItem, indent = ''): Promise<string[]> {
  const lines: string[] = [];
  for (const child of await tree.getChildren(item)) {
    lines.push(`${indent}${labelOf(child)} — ${child.description ?? ''}`);
    if (depth > 1) lines.push(...(await outline(tree, depth - 1, child, `${indent}  `)));
  }
  return lines;
}

/** The item reached by following labels from the roots. */
export async function itemAt(tree: Tree, ...labels: string[]): Promise<ViewItem> {
  let item: ViewItem | undefined;
  for (const label of labels) {
    const children = await tree.getChildren(item);
    item = children.find((child) => labelOf(child) === label);
    assert.ok(item, `no "${label}" among ${children.map(labelOf).join(', ')}`);
  }
  return item!;
}

export async function bufferOf(path: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(uriOf(path));
}

/** Throws away unsaved changes of a file's buffer. */
export async function revert(path: string): Promise<void> {
  const document = await bufferOf(path);
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  assert.ok(!document.isDirty, `${path} reverted`);
}

/** Waits until a tree's description of an item (found by labels) is `expected`. */
export async function descriptionBecomes(tree: Tree, labels: string[], expected: string): Promise<void> {
  const description = await waitFor(
    async () => {
      const children = await outline(tree, labels.length);
      return children.find((line) => line.trim().startsWith(`${labels[labels.length - 1]} — `)) ?? '(missing)';
    },
    (line) => line.endsWith(` — ${expected}`),
  );
  assert.ok(description.endsWith(` — ${expected}`), `${labels.join(' › ')}: ${description}, wanted ${expected}`);
}

/** Waits until neither tree has a redraw pending, and a little more for late updates. */
export async function settle(...trees: Tree[]): Promise<void> {
  for (let round = 0; round < 2; round++) {
    await waitFor(() => trees.some((tree) => tree.refreshPending), (pending) => !pending);
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

export const STUDY = (id: string, body: string) => `---\nid: ${id}\nauthors: [Vale T]\nyear: 2019\nperspective: [peer workers, recipients]\n---\n\n${body}\n`;

/** The activated extension's API, once the review is indexed. */
export async function viewsApi(): Promise<{ api: QualSynthApi; themes: Tree; studies: Tree }> {
  const api = await vscode.extensions.getExtension<QualSynthApi>(EXTENSION_ID)!.activate();
  await indexSummary();
  return { api, themes: api.views.themes as unknown as Tree, studies: api.views.studies as unknown as Tree };
}

/** Clears the views' filter and grouping and closes every editor, as each test found them. */
export async function resetViews(): Promise<void> {
  await vscode.commands.executeCommand('qualsynth.clearViewFilter');
  await vscode.commands.executeCommand('qualsynth.groupStudiesBy', null);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
