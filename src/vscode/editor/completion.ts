import * as vscode from 'vscode';
import { codeCard, isNameStart, isWordCharBefore, type ReviewIndex, scanCodeName } from '../../core';
import { cardCounts, cardThemes } from '../codeCardText';
import type { ReviewSession } from '../reviewSession';
import { toReviewPath } from '../convert';

/**
 * Completion of code names after `#` in study files and the codebook: defined codes
 * first (definition and theme paths shown), then codes used but not yet defined.
 * Filtering matches any level of a hierarchical name (`pay` finds `workers/pay/low`).
 */
export class CodeCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly session: ReviewSession) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const loaded = await this.session.loaded();
    if (!loaded) return undefined;
    const { review, root } = loaded;
    const path = toReviewPath(root, document.uri);
    if (path === undefined || !(review.isStudyPath(path) || review.isCodebookPath(path))) return undefined;
    const range = tagRangeBefore(document, position);
    if (!range) return undefined;
    if (review.isStudyPath(path)) await this.session.studyOf(document);
    return completionItems(review.index, range);
  }
}

/** The range of `#partial-name` ending at the cursor, or `undefined` outside a tag. */
function tagRangeBefore(document: vscode.TextDocument, position: vscode.Position): vscode.Range | undefined {
  const line = document.lineAt(position.line).text;
  const hash = line.lastIndexOf('#', position.character - 1);
  if (hash === -1 || isWordCharBefore(line, hash) || line[hash - 1] === '#' || line[hash - 1] === '\\') return undefined;
  const typed = line.slice(hash + 1, position.character);
  if (typed.length > 0 && (!isNameStart(typed, 0) || /[^\p{L}\p{N}\p{M}_\-./]/u.test(typed))) return undefined;
  const end = Math.max(position.character, scanCodeName(line, hash + 1));
  return new vscode.Range(position.line, hash, position.line, end);
}

function completionItems(index: ReviewIndex, range: vscode.Range): vscode.CompletionItem[] {
  return index.codes().map((code) => {
    const card = codeCard(code.name, code);
    const item = new vscode.CompletionItem({ label: `#${code.name}`, description: cardThemes(card) }, vscode.CompletionItemKind.Value);
    item.insertText = `#${code.name}`;
    item.range = range;
    item.filterText = `#${code.name} ${code.name.split('/').join(' ')}`;
    item.sortText = `${card.defined ? '0' : '1'}${code.name}`;
    item.detail = cardCounts(card);
    if (card.definition) item.documentation = new vscode.MarkdownString().appendText(card.definition);
    return item;
  });
}
