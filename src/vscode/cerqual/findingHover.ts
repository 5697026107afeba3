import * as vscode from 'vscode';
import { findingAt, findingCard, type FindingCard, parseCodebook, reviewEvidenceSource, reviewFindingEvidence } from '../../core';
import { toRange } from '../convert';
import type { ReviewSession } from '../reviewSession';

/** The command the hover links to: record the judgement of the finding under the cursor. */
export const RECORD_JUDGEMENT_COMMAND = 'qualsynth.recordCerqualJudgement';

/**
 * Hover on a finding's heading, `Finding:` paragraph or judgement lines in the codebook:
 * the data behind each GRADE-CERQual component, computed from the coding, with what
 * `check` says, so the team judges from the evidence. The codebook is read from the
 * buffer, as typed.
 */
export class FindingHoverProvider implements vscode.HoverProvider {
  constructor(private readonly session: ReviewSession) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    if (!this.session.isCodebook(document.uri)) return undefined;
    const loaded = await this.session.loaded();
    if (!loaded) return undefined;
    const { review } = loaded;
    const codebook = parseCodebook(review.config.codebook, document.getText());
    const theme = findingAt(codebook, document.offsetAt(position));
    if (!theme) return undefined;
    const source = reviewEvidenceSource(review.index);
    const settings = review.config.cerqual;
    const card = findingCard(theme, reviewFindingEvidence(review.index, theme, settings, source), source, settings);
    return new vscode.Hover(findingHoverText(card, theme.path), toRange(theme.range));
  }
}

/** The hover's Markdown for one finding (all study and codebook text escaped). */
export function findingHoverText(card: FindingCard, path: readonly string[]): vscode.MarkdownString {
  const text = new vscode.MarkdownString();
  text.appendMarkdown('**').appendText(card.title).appendMarkdown('** — _').appendText(card.statement).appendMarkdown('_\n\n');
  text.appendMarkdown('GRADE-CERQual: ').appendText(card.assessment).appendMarkdown('\n\n');
  text.appendText(card.summary).appendMarkdown('\n\n');
  for (const component of card.components) {
    text.appendMarkdown('**').appendText(component.label).appendMarkdown('**: ').appendText(component.judged).appendMarkdown('\n');
    for (const line of component.data) text.appendMarkdown('- ').appendText(line).appendMarkdown('\n');
    text.appendMarkdown('\n');
  }
  if (card.contrary.length > 0) {
    text.appendMarkdown('**').appendText(vscode.l10n.t('Contrary data')).appendMarkdown('**\n');
    for (const line of card.contrary) text.appendMarkdown('- ').appendText(line).appendMarkdown('\n');
    text.appendMarkdown('\n');
  }
  for (const note of card.notes) text.appendMarkdown('$(warning) ').appendText(note).appendMarkdown('\n\n');
  const args = encodeURIComponent(JSON.stringify([path]));
  text.appendMarkdown(`[${vscode.l10n.t('Record CERQual Judgement…')}](command:${RECORD_JUDGEMENT_COMMAND}?${args})`);
  text.supportThemeIcons = true;
  text.isTrusted = { enabledCommands: [RECORD_JUDGEMENT_COMMAND] };
  return text;
}
