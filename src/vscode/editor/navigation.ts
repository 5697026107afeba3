import * as vscode from 'vscode';
import { memoReferenceAt, type Review, type Study, studyReferencesInMemos } from '../../core';
import { toLocation } from '../convert';
import type { ReviewSession } from '../reviewSession';
import { codeAt } from './codeAt';

/** What the name under the cursor refers to. */
type Target = { readonly review: Review; readonly code: string } | { readonly review: Review; readonly study: Study };

/**
 * Go to Definition on a tag opens its codebook line(s); Find All References lists every
 * segment coded with it across the review (and its definitions when asked). In a memo a
 * `#tag` or an `about: codes:` name does the same, and a study reference (`@study-id`, an
 * `about: studies:` id) goes to the study's `id:` line and finds every memo that refers to
 * the study (Find All References on a study's `id:` value finds them too).
 */
export class CodeNavigationProvider implements vscode.DefinitionProvider, vscode.ReferenceProvider {
  constructor(private readonly session: ReviewSession) {}

  async provideDefinition(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Location[] | undefined> {
    const found = await this.targetAt(document, position);
    if (!found) return undefined;
    const root = this.session.root!;
    return 'code' in found ? definitionLocations(found.review, root, found.code) : [toLocation(root, found.study.path, found.study.idRange)];
  }

  async provideReferences(document: vscode.TextDocument, position: vscode.Position, context: vscode.ReferenceContext): Promise<vscode.Location[] | undefined> {
    const found = await this.targetAt(document, position);
    if (!found) return undefined;
    const root = this.session.root!;
    if ('study' in found) {
      const memos = studyReferencesInMemos(found.review.index, found.study).map((place) => toLocation(root, place.path, place.range));
      return context.includeDeclaration ? [toLocation(root, found.study.path, found.study.idRange), ...memos] : memos;
    }
    const segments = found.review.index.segmentsOf(found.code).map((segment) => toLocation(root, segment.path, segment.range));
    return context.includeDeclaration ? [...definitionLocations(found.review, root, found.code), ...segments] : segments;
  }

  /** The code or study under the cursor, in a study, a memo or the codebook. */
  private async targetAt(document: vscode.TextDocument, position: vscode.Position): Promise<Target | undefined> {
    const code = await codeAt(this.session, document, position);
    if (code) return code;
    const offset = document.offsetAt(position);
    const current = await this.session.studyOf(document);
    if (current) {
      const { idRange } = current.study;
      return idRange.start <= offset && offset <= idRange.end && idRange.start !== idRange.end ? { review: current.review, study: current.study } : undefined;
    }
    const memo = await this.session.memoOf(document);
    const reference = memo && memoReferenceAt(memo.review.index, memo.memo, offset);
    return memo && reference?.kind === 'study' && reference.study ? { review: memo.review, study: reference.study } : undefined;
  }
}

function definitionLocations(review: Review, root: vscode.Uri, code: string): vscode.Location[] {
  const codebook = review.index.codebook;
  return codebook.definitions.filter((definition) => definition.code === code).map((definition) => toLocation(root, codebook.path, definition.lineRange));
}
