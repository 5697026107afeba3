import * as vscode from 'vscode';
import { memoReferenceAt, type MemoReference } from '../../core';
import { toRange, toUri } from '../convert';
import type { ReviewSession } from '../reviewSession';

/**
 * Document links in a memo: each study reference (`@study-id` in the body, an id under
 * `about: studies:`) opens the study file, as a Markdown link to it would. A key that
 * names no study has no link (it has a warning instead).
 */
export class MemoStudyLinkProvider implements vscode.DocumentLinkProvider {
  constructor(private readonly session: ReviewSession) {}

  async provideDocumentLinks(document: vscode.TextDocument): Promise<vscode.DocumentLink[]> {
    const current = await this.session.memoOf(document);
    const root = this.session.root;
    if (!current || !root) return [];
    const { memo, review } = current;
    const names = [...memo.about.studies.map((target) => target.range).filter((range) => range !== memo.aboutRange), ...memo.studyReferences.map((reference) => reference.range)];
    return names
      .map((range) => memoReferenceAt(review.index, memo, range.start))
      .filter((reference): reference is Extract<MemoReference, { kind: 'study' }> => reference?.kind === 'study' && reference.study !== undefined)
      .map((reference) => {
        const link = new vscode.DocumentLink(toRange(reference.range), toUri(root, reference.study!.path));
        link.tooltip = vscode.l10n.t('Open study {0}', reference.study!.id);
        return link;
      });
  }
}
