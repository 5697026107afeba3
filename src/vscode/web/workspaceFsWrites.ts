/**
 * `src/node/files/safeWrite.ts` as the web bundle sees it (esbuild.mjs maps the import
 * here): a web worker has no Node `fs`, so a review under a `file:` URI (a local folder
 * opened in vscode.dev) is written through `workspace.fs`, under the rule
 * `writeOutputs` applies on every other file system: a generated file never replaces an
 * input of the review. (Such file systems have no symbolic links for the Node writer's
 * other checks to follow.)
 */
import * as vscode from 'vscode';
import { outputRefusal, type Review } from '../../core';
import { toReviewPath } from '../convert';

/** One file to write: its absolute path and content. */
export interface OutputFile {
  readonly target: string;
  readonly content: string | Uint8Array;
}

/** As the Node writer's options: `inputs: 'replace'` for edits and new studies, `createOnly` never over a file. */
export interface WriteOptions {
  readonly inputs?: 'refuse' | 'replace';
  readonly createOnly?: boolean;
}

/** Writes the files, or none when one of them would replace an input of the review (or, `createOnly`, any file). */
export async function writeReviewFiles(review: Review, root: string, files: readonly OutputFile[], options: WriteOptions = {}): Promise<void> {
  const rootUri = vscode.Uri.file(root);
  for (const { target } of files) {
    const path = toReviewPath(rootUri, vscode.Uri.file(target));
    const refusal = path === undefined || options.inputs === 'replace' ? undefined : outputRefusal(review, path, path);
    if (refusal) throw new Error(refusal);
    if (options.createOnly && (await vscode.workspace.fs.stat(vscode.Uri.file(target)).then(() => true, () => false))) throw new Error(`${path ?? target} already exists; nothing was overwritten.`);
  }
  for (const { target, content } of files) await vscode.workspace.fs.writeFile(vscode.Uri.file(target), typeof content === 'string' ? new TextEncoder().encode(content) : content);
}
