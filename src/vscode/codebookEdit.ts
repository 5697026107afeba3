import * as vscode from 'vscode';
import { type Codebook, parseCodebook, type Review, type TextEdit } from '../core';
import { toWorkspaceEdit, toUri } from './convert';
import { applyIfUnchanged, currentTexts } from './reviewTexts';
import { requireTrust } from './trust';

/**
 * Edits the codebook as one workspace edit, computed on its current text (the open
 * buffer when there is one, else the file; an empty text when there is no codebook yet,
 * which the edit then creates). The codebook is left unsaved, like any refactoring:
 * the index follows the buffer. Resolves to false when there was nothing to change, or
 * when the workspace is not trusted (Restricted Mode writes no file).
 */
export async function editCodebook(review: Review, root: vscode.Uri, compute: (codebook: Codebook, text: string) => readonly TextEdit[]): Promise<boolean> {
  if (!requireTrust(vscode.l10n.t('Editing the codebook'))) return false;
  const path = review.config.codebook;
  const texts = await currentTexts(root, [path]).catch(() => new Map([[path, '']]));
  const text = texts.get(path) ?? '';
  const edits = compute(parseCodebook(path, text), text);
  if (edits.length === 0) return false;
  const edit = toWorkspaceEdit(root, edits, texts);
  if (text === '') edit.createFile(toUri(root, path), { ignoreIfExists: true });
  return applyIfUnchanged(root, edit, texts);
}
