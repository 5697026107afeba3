import * as vscode from 'vscode';
import { type Memo, memoFirstLines, memosAboutTheme, type Theme } from '../../core';
import { toRange } from '../convert';
import type { ReviewSession } from '../reviewSession';

/** Most memos a hover lists; the rest are counted. */
const MAX_MEMOS = 5;

/** Appends the memos' titles and first lines to a hover (all memo text escaped). */
export function appendMemos(text: vscode.MarkdownString, memos: readonly Memo[]): void {
  if (memos.length === 0) return;
  text.appendMarkdown('\n\n---\n\n$(note) **').appendText(vscode.l10n.t('Memos')).appendMarkdown('**\n\n');
  for (const memo of memos.slice(0, MAX_MEMOS)) {
    const byline = [memo.author, memo.date].filter(Boolean).join(', ');
    text.appendMarkdown('- _').appendText(memo.title).appendMarkdown('_');
    if (byline) text.appendText(` (${byline})`);
    const first = memoFirstLines(memo);
    if (first) text.appendText(`: ${first}`);
    text.appendMarkdown('\n');
  }
  if (memos.length > MAX_MEMOS) text.appendMarkdown('- ').appendText(vscode.l10n.t('and {0} more', memos.length - MAX_MEMOS)).appendMarkdown('\n');
  text.supportThemeIcons = true;
}

/** Hover on a theme's heading in the codebook: the memos about the theme, first lines. */
export class ThemeMemoHoverProvider implements vscode.HoverProvider {
  constructor(private readonly session: ReviewSession) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!this.session.isCodebook(document.uri)) return undefined;
    const review = await this.session.ready.catch(() => undefined);
    if (!review) return undefined;
    const offset = document.offsetAt(position);
    const theme = review.index.allThemes().find((candidate: Theme) => candidate.range.start <= offset && offset <= candidate.range.end);
    const memos = theme ? memosAboutTheme(review.index, theme.path) : [];
    if (!theme || memos.length === 0) return undefined;
    const text = new vscode.MarkdownString();
    text.appendMarkdown('**').appendText(theme.path.join(' › ')).appendMarkdown('**');
    appendMemos(text, memos);
    return new vscode.Hover(text, toRange(theme.range));
  }
}
