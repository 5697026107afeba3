/**
 * `src/node/files/safeWrite.ts` as the web bundle sees it (esbuild.mjs maps the import
 * here): a web worker has no Node `fs`, so a review under a `file:` URI (a local folder
 * opened in vscode.dev) is written through `workspace.fs`, under the rule
 * `writeOutputs` applies on every other file system: a generated file never replaces an
 * input of the review. (Such file systems have no symbolic links for the Node writer's
 * other checks to follow.)
 */
import * as vscode from 'vscode';
import { outputRefusal } from '../../core/files/outputPolicy';
import type { Review } from '../../core/review';
import { toReviewPath } from '../convert';

/** One file to write: its absolute path and content. */
export interface OutputFile {
  readonly target: string;
  readonly content: string | Uint8Array;
}

/** Writes the files, or none when one of them would replace an input of the review. */
export async function writeReviewFiles(review: Review, root: string, files: readonly OutputFile[]): Promise<void> {
  const rootUri = vscode.Uri.file(root);
  for (const { target } of files) {
    const path = toReviewPath(rootUri, vscode.Uri.file(target));
    const refusal = path === undefined ? undefined : outputRefusal(review, path, path);
    if (refusal) throw new Error(refusal);
  }
  for (const { target, content } of files) await vscode.workspace.fs.writeFile(vscode.Uri.file(target), typeof content === 'string' ? new TextEncoder().encode(content) : content);
}
