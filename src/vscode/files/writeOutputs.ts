import * as vscode from 'vscode';
import { outputRefusal, type Review } from '../../core';
import { writeReviewFiles, type WriteOptions } from '../../node/files/safeWrite';
import { toReviewPath } from '../convert';

/** One generated file: where it goes and its content. */
export interface OutputUri {
  readonly uri: vscode.Uri;
  readonly content: string | Uint8Array;
}

/**
 * Writes files under the same rules as the CLI: on disk through the safe file layer (no
 * symbolic link on the way, never over an input unless `options.inputs` says so,
 * atomically); on other file systems, which have no links to follow, never over an input
 * of the review (nor over any file, with `createOnly`). Generated files (the report, an
 * export) use the defaults; a new study is `{ inputs: 'replace', createOnly: true }`.
 */
export async function writeOutputs(review: Review, root: vscode.Uri, outputs: readonly OutputUri[], options: Omit<WriteOptions, 'show'> = {}): Promise<void> {
  if (root.scheme === 'file' && outputs.every(({ uri }) => uri.scheme === 'file')) {
    const show = (absolute: string): string => vscode.workspace.asRelativePath(vscode.Uri.file(absolute));
    await writeReviewFiles(review, root.fsPath, outputs.map(({ uri, content }) => ({ target: uri.fsPath, content })), { ...options, show });
    return;
  }
  for (const { uri } of outputs) {
    const path = toReviewPath(root, uri);
    const refusal = path === undefined || options.inputs === 'replace' ? undefined : outputRefusal(review, path, path);
    if (refusal) throw new Error(refusal);
    if (options.createOnly && (await vscode.workspace.fs.stat(uri).then(() => true, () => false))) throw new Error(vscode.l10n.t('{0} already exists; nothing was overwritten.', path ?? uri.toString()));
  }
  for (const { uri, content } of outputs) await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
}
