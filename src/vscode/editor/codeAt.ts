import type * as vscode from 'vscode';
import { memoReferenceAt, type Review, tagAt, type TextSpan } from '../../core';
import type { ReviewSession } from '../reviewSession';

/** A code named at a place of a review file, and where the name is written. */
export interface CodeAt {
  readonly review: Review;
  readonly code: string;
  /** The name as written: `#name` for a tag, the bare name in a memo's `about: codes:`. */
  readonly range: TextSpan;
}

/**
 * The code named under `position`: a tag in a study, a `#tag` or an `about: codes:` name
 * in a memo, a definition's tag in the codebook. Navigation and F2 both start here, so
 * they agree on what the cursor is on.
 */
export async function codeAt(session: ReviewSession, document: vscode.TextDocument, position: vscode.Position): Promise<CodeAt | undefined> {
  const offset = document.offsetAt(position);
  const current = await session.studyOf(document);
  if (current) {
    const tag = tagAt(current.study, offset);
    return tag && { review: current.review, code: tag.code, range: tag.range };
  }
  const memo = await session.memoOf(document);
  if (memo) {
    const reference = memoReferenceAt(memo.review.index, memo.memo, offset);
    return reference?.kind === 'code' ? { review: memo.review, code: reference.code, range: reference.range } : undefined;
  }
  const loaded = await session.loaded();
  if (!loaded || !session.isCodebook(document.uri)) return undefined;
  const definition = loaded.review.index.codebook.definitions.find((item) => item.range.start <= offset && offset <= item.range.end);
  return definition && { review: loaded.review, code: definition.code, range: definition.range };
}
