/**
 * Proof that the web suites run where vscode.dev and github.dev run QualSynth: the web
 * worker extension host, with the browser bundle; and what the browser cannot do says
 * why in one line.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QualSynthApi } from '../../src/extension.shared';
import { EXTENSION_ID, indexSummary, waitFor } from './helpers';
import { hasKeyboard, keyboard } from './keyboard';

suite('Web extension host: the browser bundle in the web worker extension host', () => {
  test('runs in a web worker, without Node, on the manifest’s browser entry', async () => {
    assert.equal(typeof process, 'undefined', 'Node’s process is there: this is not the web worker extension host');
    assert.equal(typeof (globalThis as { importScripts?: unknown }).importScripts, 'function', 'a web worker has importScripts');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    const extension = vscode.extensions.getExtension<QualSynthApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in the web worker extension host`);
    assert.equal(extension.packageJSON.browser, './dist/web/extension.js');
    // No `extension.activate()`: the workspaceContains activation events must do it.
    assert.ok(await waitFor(() => extension.isActive, Boolean), 'the extension did not activate within 10 s');
    console.log(`QualSynth (web) activated in ${extension.exports.activationMs.toFixed(1)} ms; first index ${(await extension.exports.indexLoadMs())?.toFixed(0)} ms`);
    assert.equal((await indexSummary())?.studies, 2);
  });

  test('a git command says in one line why it cannot run in the browser', async function () {
    if (!hasKeyboard()) return this.skip();
    assert.equal(await vscode.commands.executeCommand('qualsynth.compareWithRevision', 'HEAD'), undefined);
    const [, toasts] = await keyboard(
      { waitFor: '.notifications-toasts .notification-list-item-message', hasText: 'needs git on this machine' },
      { read: '.notifications-toasts .notification-list-item-message' },
    );
    assert.ok(
      toasts?.some((text) => /^QualSynth: Comparing coding with a revision needs git on this machine, which VS Code in the browser \(vscode\.dev, github\.dev\) does not have/.test(text)),
      JSON.stringify(toasts),
    );
    await vscode.commands.executeCommand('notifications.clearAll');
  });
});
