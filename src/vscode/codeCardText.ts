/**
 * A code's card (`core/codeCard.ts`) in VS Code's words: the hover, the trees'
 * tooltips and descriptions, and completion all say the same thing the same way.
 */
import * as vscode from 'vscode';
import { type CodeCard, countsOf } from '../core';

/** `3 segments · 2 studies`. */
export function cardCounts(card: CodeCard): string {
  return countsOf([card.segmentCount, 'segment'], [card.studyCount, 'study']);
}

/** Where the code is filed, on one line: its theme paths, or "uncategorised". */
export function cardThemes(card: CodeCard): string {
  return card.themes.length > 0 ? card.themes.join('; ') : vscode.l10n.t('uncategorised');
}

/** The card as Markdown (code and codebook text escaped): name, definition or "uncategorised", themes, counts. */
export function cardMarkdown(card: CodeCard): vscode.MarkdownString {
  const text = new vscode.MarkdownString();
  text.appendMarkdown('**').appendText(`#${card.name}`).appendMarkdown('**\n\n');
  if (!card.defined) text.appendMarkdown(`_${vscode.l10n.t('Uncategorised: not defined in the codebook.')}_\n\n`);
  else if (card.definition) text.appendText(card.definition).appendMarkdown('\n\n');
  for (const path of card.themes) text.appendText(vscode.l10n.t('Theme: {0}', path)).appendMarkdown('\n\n');
  text.appendText(cardCounts(card));
  return text;
}
