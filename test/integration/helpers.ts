import * as vscode from 'vscode';
import type { IndexSummary } from '../../src/core/reviewIndex';

/** The extension under test, as VS Code knows it (`publisher.name`). */
export const EXTENSION_ID = 'qualsynth.qualsynth';

/** The workspace folder the runner opened: a throw-away copy of a fixture. */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the runner opened no workspace folder');
  return folder.uri;
}

/** Runs `qualsynth.showIndexSummary` as a user would and returns what it returns. */
export async function indexSummary(): Promise<IndexSummary | undefined> {
  return vscode.commands.executeCommand<IndexSummary | undefined>('qualsynth.showIndexSummary');
}

/**
 * Polls `probe` until it returns a value that `done` accepts, for at most `timeoutMs`;
 * file watching is asynchronous, so tests wait for its effect instead of sleeping.
 */
export async function waitFor<T>(probe: () => Promise<T> | T, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Writes a UTF-8 file into the workspace copy through `vscode.workspace.fs`. */
export async function writeWorkspaceFile(path: string, text: string): Promise<vscode.Uri> {
  const uri = vscode.Uri.joinPath(workspaceRoot(), ...path.split('/'));
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/** The URI of a review-relative path in the workspace copy. */
export function uriOf(path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...path.split('/'));
}

/** Reads a workspace file from disk as UTF-8. */
export async function readDisk(path: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(path)));
}

/** Markdown (a hover, tooltip or documentation) as plain text: `&nbsp;` and escapes undone. */
export function plain(markdown: string | vscode.MarkdownString | undefined): string {
  const value = typeof markdown === 'string' ? markdown : (markdown?.value ?? '');
  return value.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}
