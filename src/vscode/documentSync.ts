import * as vscode from 'vscode';
import type { IndexChange, Review } from '../core';
import { toReviewPath } from './convert';
import type { OpenMemo, OpenStudy, ReviewSession } from './reviewSession';

/**
 * Keeps the index in step with open editors: every change to a study, memo or the codebook
 * re-indexes that one file from the buffer (a fast scan, no Markdown parse), so
 * providers always see the text the user sees. Part of the `ReviewSession`; features
 * that redraw wait for its `onDidSettle`.
 */
export class DocumentSync implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** Document version last indexed from the buffer, by review path. */
  private readonly indexedVersions = new Map<string, number>();
  /**
   * Studies deleted on disk while open with no unsaved change, by path: the version the
   * buffer had then. Such a buffer is not indexed again (the study would come back)
   * until it is edited (then the unsaved text wins, as for any dirty buffer).
   */
  private readonly deletedOnDisk = new Map<string, number>();
  /** True while the index is being updated from a buffer, to tell our updates apart. */
  private fromBuffer = false;

  constructor(private readonly session: ReviewSession) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((event) => void this.sync(event.document)),
      vscode.workspace.onDidOpenTextDocument((document) => void this.sync(document)),
      vscode.workspace.onDidCloseTextDocument((document) => void this.reloadFromDisk(document)),
      session.onDidUpdate((change, review) => this.afterDiskUpdate(review, change)),
    );
    void session.loaded().then(async (loaded) => {
      if (loaded) for (const document of vscode.workspace.textDocuments) await this.sync(document);
    });
  }

  /**
   * The study of an open document as the buffer has it now, re-indexed first if the
   * index holds another version (e.g. a file-watcher update of a dirty buffer).
   */
  async studyOf(document: vscode.TextDocument): Promise<OpenStudy | undefined> {
    const found = await this.current(document, (review, path) => review.isStudyPath(path) && !this.isDeletedOnDisk(path, document), (review, path) => review.index.getStudy(path));
    return found && { review: found.review, path: found.path, study: found.item };
  }

  /** The memo of an open document as the buffer has it now, re-indexed first if need be. */
  async memoOf(document: vscode.TextDocument): Promise<OpenMemo | undefined> {
    const found = await this.current(document, (review, path) => review.isMemoPath(path), (review, path) => review.index.getMemo(path));
    return found && { review: found.review, path: found.path, memo: found.item };
  }

  /** A document's file as the index has it, re-indexed from the buffer when the index holds another version. */
  private async current<T>(document: vscode.TextDocument, isKind: (review: Review, path: string) => boolean, get: (review: Review, path: string) => T | undefined): Promise<{ review: Review; path: string; item: T } | undefined> {
    const loaded = await this.session.loaded();
    if (!loaded) return undefined;
    const { review, root } = loaded;
    const path = toReviewPath(root, document.uri);
    if (path === undefined || !isKind(review, path)) return undefined;
    if (this.indexedVersions.get(path) !== document.version || !get(review, path)) this.index(review, path, document);
    const item = get(review, path);
    return item && { review, path, item };
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
  }

  private async sync(document: vscode.TextDocument): Promise<void> {
    if (document.uri.scheme !== this.session.root?.scheme) return;
    const loaded = await this.session.loaded();
    if (!loaded) return;
    const { review, root } = loaded;
    const path = toReviewPath(root, document.uri);
    if (path === undefined || this.indexedVersions.get(path) === document.version || this.isDeletedOnDisk(path, document)) return;
    if (review.isStudyPath(path) || review.isCodebookPath(path) || review.isMemoPath(path)) this.index(review, path, document);
  }

  private index(review: Review, path: string, document: vscode.TextDocument): void {
    this.fromBuffer = true;
    try {
      if (review.isCodebookPath(path)) review.updateCodebookText(document.getText());
      else if (review.isMemoPath(path)) review.updateMemoText(path, document.getText());
      else review.updateStudyText(path, document.getText());
    } finally {
      this.fromBuffer = false;
    }
    this.indexedVersions.set(path, document.version);
  }

  /** After an update from disk, a dirty buffer's text wins again: re-index it. */
  private afterDiskUpdate(review: Review, change: IndexChange): void {
    if (this.fromBuffer) return;
    const root = this.session.root!;
    const changed = new Set(change.paths);
    if (change.codebook) changed.add(review.config.codebook);
    for (const path of changed) this.indexedVersions.delete(path);
    for (const document of vscode.workspace.textDocuments) {
      const path = toReviewPath(root, document.uri);
      if (path === undefined || !changed.has(path)) continue;
      if (document.isDirty) this.index(review, path, document);
      else if (review.isStudyPath(path) && !review.index.getStudy(path)) this.deletedOnDisk.set(path, document.version);
      else this.deletedOnDisk.delete(path);
    }
  }

  /** Whether the document is the clean buffer of a study deleted on disk (forgotten once it is edited). */
  private isDeletedOnDisk(path: string, document: vscode.TextDocument): boolean {
    const version = this.deletedOnDisk.get(path);
    if (version === undefined) return false;
    if (version === document.version) return true;
    this.deletedOnDisk.delete(path);
    return false;
  }

  /** A closed buffer may have held unsaved text: the index goes back to the file. */
  private async reloadFromDisk(document: vscode.TextDocument): Promise<void> {
    const loaded = await this.session.loaded();
    if (!loaded) return;
    const { review, root } = loaded;
    const path = toReviewPath(root, document.uri);
    if (path === undefined) return;
    this.indexedVersions.delete(path);
    this.deletedOnDisk.delete(path);
    if (review.isStudyPath(path) || review.isCodebookPath(path) || review.isMemoPath(path)) await review.applyFileEvents([{ kind: 'changed', path }]);
  }
}
