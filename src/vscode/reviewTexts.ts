import * as vscode from 'vscode';
import { decodeText, memoMentions, parseCodebook, parseMemo, parseStudy, type Review, ReviewIndex } from '../core';
import { toReviewPath, toUri } from './convert';

/**
 * The current text of review files — an open editor's buffer when there is one, else
 * the file — and a fresh index of just those files, so refactorings are computed on
 * exactly the text they will edit, never on a stale index.
 */
export async function currentTexts(root: vscode.Uri, paths: Iterable<string>): Promise<Map<string, string>> {
  const open = openDocuments(root);
  const unique = [...new Set(paths)];
  const read = await mapConcurrently(unique, READS_AT_ONCE, async (path): Promise<string> => {
    const document = open.get(path);
    if (document) return document.getText();
    const bytes = await vscode.workspace.fs.readFile(toUri(root, path));
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw new Error(`${path} ${decoded.reason}.`);
    return decoded.text;
  });
  const texts = new Map<string, string>();
  unique.forEach((path, index) => texts.set(path, read[index]));
  return texts;
}

/** The open documents of the review, by review path. */
export function openDocuments(root: vscode.Uri): Map<string, vscode.TextDocument> {
  const open = new Map<string, vscode.TextDocument>();
  for (const document of vscode.workspace.textDocuments) {
    const path = toReviewPath(root, document.uri);
    if (path !== undefined) open.set(path, document);
  }
  return open;
}

/**
 * Files read at once: each read is a round trip to the file system provider (in a
 * remote or web workbench, through the connection), so a search of 1,000 studies read
 * one after another waited seconds for them; a bounded number at a time keeps memory
 * and open handles in check.
 */
export const READS_AT_ONCE = 32;

/** `items.map(use)` with at most `limit` calls pending at once; results in the items' order. */
export async function mapConcurrently<T, R>(items: readonly T[], limit: number, use: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await use(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** A small index of the given texts (studies, memos and the codebook) for computing edits. */
export function indexOfTexts(review: Review, texts: ReadonlyMap<string, string>): ReviewIndex {
  const index = new ReviewIndex();
  const codebookText = texts.get(review.config.codebook);
  if (codebookText !== undefined) index.setCodebook(parseCodebook(review.config.codebook, codebookText));
  for (const [path, text] of texts) {
    if (review.isStudyPath(path)) index.setStudy(parseStudy(path, text));
    else if (review.isMemoPath(path)) index.setMemo(parseMemo(path, text));
  }
  return index;
}

/** Paths of the studies that use a code and the memos that mention it, plus the codebook. */
export function filesUsing(review: Review, code: string): string[] {
  const paths = review.index.studies().filter((study) => study.tags.some((tag) => tag.code === code)).map((study) => study.path);
  const memos = review.index.memos().filter((memo) => memoMentions(memo, code)).map((memo) => memo.path);
  return [...paths, ...memos, review.config.codebook];
}

/**
 * Applies a workspace edit computed on `texts`, unless an open document has changed
 * since (a keystroke between reading and applying): a stale edit is refused whole, with
 * a warning, so no file is left half-edited. VS Code applies the edit all or nothing.
 */
export async function applyIfUnchanged(root: vscode.Uri, edit: vscode.WorkspaceEdit, texts: ReadonlyMap<string, string>): Promise<boolean> {
  for (const document of vscode.workspace.textDocuments) {
    const path = toReviewPath(root, document.uri);
    if (path !== undefined && texts.has(path) && document.getText() !== texts.get(path)) {
      void vscode.window.showWarningMessage(vscode.l10n.t('QualSynth: {0} changed while the edit was being prepared, so nothing was changed. Try again.', path));
      return false;
    }
  }
  return vscode.workspace.applyEdit(edit);
}
