/**
 * Memo items of the Themes and Studies views: the memos about a theme, a code or a study,
 * listed first under it with a note icon; a click opens the memo.
 */
import * as vscode from 'vscode';
import { countOf, type Memo, memoFirstLines, memosAboutCode, memosAboutStudy, memosAboutTheme, type ReviewIndex } from '../../core';
import { toUri } from '../convert';

/** What a memo item stands under: anything with a stable id. */
interface MemoParent {
  readonly id?: string;
}

/** One memo file, under a theme, code or study it is about. */
export class MemoItem extends vscode.TreeItem {
  readonly kind = 'memo';

  constructor(readonly memo: Memo, readonly parent: MemoParent, root: vscode.Uri) {
    super(memo.title, vscode.TreeItemCollapsibleState.None);
    this.id = `${parent.id ?? ''}/memo:${memo.path}`;
    this.contextValue = this.kind;
    this.iconPath = new vscode.ThemeIcon('note');
    this.description = [memo.author, memo.date].filter(Boolean).join(' · ');
    this.resourceUri = toUri(root, memo.path);
    this.command = { title: vscode.l10n.t('Open Memo'), command: 'vscode.open', arguments: [toUri(root, memo.path), { preview: true }] };
  }

  /** Sets the tooltip: title, byline and the memo's first lines. */
  resolveTooltip(): void {
    if (this.tooltip) return;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown('**').appendText(this.memo.title).appendMarkdown('**\n\n').appendText(memoFirstLines(this.memo, 400));
    tooltip.appendMarkdown('\n\n').appendText(this.memo.path);
    this.tooltip = tooltip;
  }
}

/** What a tree item is, as far as its memos go. */
export type MemoSubject = { readonly kind: 'theme'; readonly path: readonly string[] } | { readonly kind: 'code'; readonly code: string } | { readonly kind: 'study'; readonly id: string };

/** The memos about a theme, code or study. */
export function memosOf(index: ReviewIndex, subject: MemoSubject): Memo[] {
  if (subject.kind === 'theme') return memosAboutTheme(index, subject.path);
  if (subject.kind === 'code') return memosAboutCode(index, subject.code);
  return memosAboutStudy(index, subject.id);
}

/** ` · 2 memos` for an item's description, `''` without memos. */
export function memoCountText(count: number): string {
  return count > 0 ? ` · ${countOf(count, 'memo')}` : '';
}
