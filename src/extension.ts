/**
 * The desktop extension's entry (Node extension host): the one activation
 * (`extension.shared.ts`) with Node's adapters: files on disk read with Node's `fs`, the
 * system git, the manuscript engines' chunk `dist/manuscript.js`.
 */
import * as vscode from 'vscode';
import type { ReviewHost } from './core';
import { activateShared, type QualSynthApi } from './extension.shared';
import { loadManuscriptEngines } from './node/loadEngines';
import { NodeReviewHost } from './node/nodeHost';
import { registerGitCommands } from './vscode/git/gitCommands';
import { registerReconcileCoding } from './vscode/git/reconcileCoding';
import { registerTeamMerging } from './vscode/git/teamMerging';
import { WorkspaceHost } from './vscode/workspaceHost';

export type { QualSynthApi } from './extension.shared';

/**
 * Node's file system when the root is a `file:` URI (the extension host runs where those
 * files are; one RPC per file through `workspace.fs` made a 1,000-study load take 5 s
 * instead of 0.3 s), `workspace.fs` for every other scheme (virtual and remote file systems).
 */
function hostFor(root: vscode.Uri): ReviewHost {
  return root.scheme === 'file' ? new NodeReviewHost(root.fsPath) : new WorkspaceHost(root);
}

/** Activates QualSynth; returns quickly and lets the review load in the background. */
export function activate(context: vscode.ExtensionContext): QualSynthApi {
  return activateShared(context, {
    hostFor,
    loadEngines: loadManuscriptEngines,
    registerGitCommands: (session, extensionUri, codingResults) => [...registerGitCommands(session, codingResults), registerTeamMerging(session, extensionUri), registerReconcileCoding(session)],
  });
}

/** Nothing to do: everything is disposed through `context.subscriptions`. */
export function deactivate(): void {}
