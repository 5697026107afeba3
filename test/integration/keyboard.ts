/**
 * Keys typed into the real workbench, as a person types them: the offline runner's
 * keyboard bridge (`test/runner/keyboardBridge.mjs`) has Playwright type and press them
 * in the browser page that shows this VS Code. Runs without the bridge (the desktop
 * runner) skip the tests that need it.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { testEnv } from './testEnv';

/** One step: wait for a DOM element (holding text that matches `hasText`), type text, press a key, read DOM text, an attribute or an input's value, or pause. */
export type KeyStep = { waitFor: string; hasText?: string; state?: 'visible' | 'hidden'; timeout?: number } | { type: string } | { press: string } | { read: string; attribute?: string; value?: boolean } | { pause: number };

/** The quick pick, as VS Code draws it. */
export const QUICK_PICK = '.quick-input-widget';
/** The highlighted (focused) row of the quick pick. */
export const FOCUSED_ROW = '.quick-input-widget .monaco-list-row.focused';

/** True when the runner offers the keyboard bridge. */
export function hasKeyboard(): boolean {
  return Boolean(testEnv('QUALSYNTH_KEYBOARD_BRIDGE'));
}

/** Runs the steps in the browser; resolves with what each `read` step read. */
export async function keyboard(...steps: KeyStep[]): Promise<Array<string[] | undefined>> {
  const url = testEnv('QUALSYNTH_KEYBOARD_BRIDGE');
  if (!url) throw new Error('no keyboard bridge: run the suites with test/runner/runOffline.mjs');
  const response = await fetch(url, { method: 'POST', body: JSON.stringify({ steps }) });
  const body = (await response.json()) as { results?: Array<string[] | undefined>; error?: string };
  if (!response.ok) throw new Error(`keyboard bridge: ${body.error}`);
  return body.results ?? [];
}

/**
 * Waits for a notification whose text matches `pattern`: a toast, or (when the
 * workbench has hidden the toasts, as it may on a busy machine) a row of the
 * notification centre.
 */
export async function expectNotification(pattern: RegExp): Promise<void> {
  const toast = await keyboard({ waitFor: '.notifications-toasts .notification-toast', hasText: pattern.source, timeout: 5000 }).then(() => true, () => false);
  if (toast) return;
  await vscode.commands.executeCommand('notifications.showList');
  try {
    await keyboard({ waitFor: '.notifications-center .notification-list-item', hasText: pattern.source });
  } finally {
    await vscode.commands.executeCommand('notifications.hideList');
  }
}

/** The rename box of F2 in the editor. */
const RENAME_INPUT = '.monaco-editor .rename-box .rename-input';

/**
 * F2 in the focused editor as a person does it: F2, the rename box, its text replaced by
 * `newName`, Enter. Resolves with what the box held when it opened.
 */
export async function renameByKeyboard(newName: string): Promise<string> {
  // The box focuses its input a moment after it shows: keys typed before that go to the editor.
  const [, , , [prefilled]] = (await keyboard({ press: 'F2' }, { waitFor: RENAME_INPUT }, { waitFor: `${RENAME_INPUT}:focus` }, { read: RENAME_INPUT, value: true })) as string[][];
  await keyboard({ press: 'ControlOrMeta+a' }, { type: newName }, { press: 'Enter' }, { waitFor: '.monaco-editor .rename-box', state: 'hidden' });
  return prefilled;
}

/**
 * F2 at the editor's cursor as a person does it: F2, the rename box (prefilled with the
 * name, which `prefilled` receives), the new name typed, Enter. Without the keyboard bridge
 * (the desktop runner) the same rename through the API.
 */
export async function renameByF2(editor: vscode.TextEditor, newName: string, prefilled?: (value: string) => void): Promise<void> {
  if (!hasKeyboard()) {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, editor.selection.active, newName);
    assert.ok(await vscode.workspace.applyEdit(edit));
    return;
  }
  const value = await renameByKeyboard(newName);
  prefilled?.(value);
}
