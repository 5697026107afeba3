import * as vscode from 'vscode';
import { codeCard, memosAboutCode, type ReviewIndex, tagAt } from '../../core';
import { cardMarkdown } from '../codeCardText';
import { REVEAL_CODE_COMMAND } from '../commandIds';
import { toRange } from '../convert';
import type { ReviewSession } from '../reviewSession';
import { appendMemos } from './memoHover';


/** Hover on a tag: definition, theme paths, segment and study counts, a reveal link, the code's memos. */
export class CodeHoverProvider implements vscode.HoverProvider {
  constructor(private readonly session: ReviewSession) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const current = await this.session.studyOf(document);
    if (!current) return undefined;
    const tag = tagAt(current.study, document.offsetAt(position));
    if (!tag) return undefined;
    return new vscode.Hover(codeHoverText(current.review.index, tag.code), toRange(tag.range));
  }
}

/** The hover's Markdown for one code. */
export function codeHoverText(index: ReviewIndex, name: string): vscode.MarkdownString {
  const text = cardMarkdown(codeCard(name, index.getCode(name)));
  const args = encodeURIComponent(JSON.stringify([name]));
  text.appendMarkdown(`\n\n[${vscode.l10n.t('Reveal in Themes view')}](command:${REVEAL_CODE_COMMAND}?${args})`);
  appendMemos(text, memosAboutCode(index, name));
  text.isTrusted = { enabledCommands: [REVEAL_CODE_COMMAND] };
  return text;
}
