/**
 * The web extension's entry (web worker extension host: vscode.dev, github.dev, the
 * browser workbench of a VS Code server): the one activation (`extension.shared.ts`)
 * with the browser's adapters: every file through `workspace.fs`, the engines' chunk
 * `dist/web/manuscript.js`, and git commands that say why they cannot run without git.
 */
import type * as vscode from 'vscode';
import { activateShared, type QualSynthApi } from './extension.shared';
import { registerGitUnavailable } from './vscode/git/gitUnavailable';
import { webEngineLoader } from './vscode/web/loadWebEngines';
import { WorkspaceHost } from './vscode/workspaceHost';

/** Activates QualSynth; returns quickly and lets the review load in the background. */
export function activate(context: vscode.ExtensionContext): QualSynthApi {
  return activateShared(context, {
    hostFor: (root) => new WorkspaceHost(root),
    loadEngines: webEngineLoader(context.extensionUri),
    registerGitCommands: () => registerGitUnavailable(),
  });
}

/** Nothing to do: everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
