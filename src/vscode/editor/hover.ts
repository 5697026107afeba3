import * as vscode from 'vscode';
import { countsOf } from '../../core/countWords';
import { tagAt } from '../../core/edits/removeCode';
import type { ReviewIndex } from '../../core/reviewIndex';
import { toRange } from '../convert';
import type { ReviewSession } from '../reviewSession';

/** The command the hover links to; reveals a code in the Themes view. */
export const REVEAL_CODE_COMMAND = 'qualsynth.revealCode';

/** Hover on a tag: definition, theme paths, segment and study counts, a reveal link. */
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
  const code = index.getCode(name);
  const text = new vscode.MarkdownString();
  text.appendMarkdown('**').appendText(`#${name}`).appendMarkdown('**\n\n');
  if (!code || code.definitions.length === 0) {
    text.appendMarkdown('_Uncategorised: not defined in the codebook._\n\n');
  } else {
    if (code.definition) text.appendText(code.definition).appendMarkdown('\n\n');
    for (const path of code.themes) text.appendMarkdown('Theme: ').appendText(path.join(' › ')).appendMarkdown('\n\n');
  }
  text.appendText(countsOf([code?.segmentCount ?? 0, 'segment'], [code?.studyCount ?? 0, 'study']));
  const args = encodeURIComponent(JSON.stringify([name]));
  text.appendMarkdown(`\n\n[Reveal in Themes view](command:${REVEAL_CODE_COMMAND}?${args})`);
  text.isTrusted = { enabledCommands: [REVEAL_CODE_COMMAND] };
  return text;
}
