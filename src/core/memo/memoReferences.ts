/**
 * The references a memo makes, as navigation sees them: what the name under the cursor
 * refers to (a code or a study, in the front matter's `about:` or in the body), and every
 * place in the memos that refers to a study.
 */
import type { Study, TextSpan } from '../model';
import type { ReviewIndex } from '../reviewIndex';
import { closestNames } from '../text/closestNames';
import type { Memo } from './memo';
import { studyOfKey } from './memoLinks';

/** A name in a memo that refers to a code or to a study. */
export type MemoReference =
  | { readonly kind: 'code'; readonly code: string; readonly range: TextSpan }
  | { readonly kind: 'study'; readonly key: string; readonly study?: Study; readonly range: TextSpan };

/** The code or study reference at `offset` of a memo, if there is one. */
export function memoReferenceAt(index: ReviewIndex, memo: Memo, offset: number): MemoReference | undefined {
  const at = (range: TextSpan): boolean => range.start <= offset && offset <= range.end;
  const tag = [...memo.tags, ...memo.about.codes.map((target) => ({ code: target.value, range: target.range }))].find((candidate) => at(candidate.range) && candidate.range !== memo.aboutRange);
  if (tag) return { kind: 'code', code: tag.code, range: tag.range };
  const reference = memo.studyReferences.find((candidate) => at(candidate.range));
  if (reference) return { kind: 'study', key: reference.key, study: studyOfKey(index, reference.key), range: reference.range };
  const target = memo.about.studies.find((candidate) => at(candidate.range) && candidate.range !== memo.aboutRange);
  return target && { kind: 'study', key: target.value, study: index.studiesWithId(target.value)[0], range: target.range };
}

/** Every place in the review's memos that refers to `study` (`about: studies:` and `@key`), memo by memo. */
export function studyReferencesInMemos(index: ReviewIndex, study: Study): Array<{ readonly path: string; readonly range: TextSpan }> {
  return index.memos().flatMap((memo) => [
    ...memo.about.studies.filter((target) => target.range !== memo.aboutRange && index.studiesWithId(target.value).includes(study)).map((target) => ({ path: memo.path, range: target.range })),
    ...memo.studyReferences.filter((reference) => studyOfKey(index, reference.key) === study).map((reference) => ({ path: memo.path, range: reference.range })),
  ]);
}

/**
 * Names the review has that are closest to a memo's name at `offset` that it does not have
 * (a code, a study id, or the last title of a theme path): what a quick fix offers.
 */
export function memoNameSuggestions(index: ReviewIndex, memo: Memo, name: string, offset: number): string[] {
  const reference = memoReferenceAt(index, memo, offset);
  if (reference?.kind === 'code') return closestNames(reference.code, index.codes().map((code) => code.name));
  if (reference?.kind === 'study') return closestNames(reference.key, index.studies().map((study) => study.id));
  return closestNames(name, index.allThemes().map((theme) => theme.title));
}
