/**
 * What links memos to the rest of a review: the memos about a code, a theme or a study,
 * the review-level memos, and the problems of a memo whose targets do not exist.
 */
import { samePath } from '../codebook';
import type { Problem, Study, Theme } from '../model';
import type { ReviewIndex } from '../reviewIndex';
import type { Memo } from './memo';
import { conceptsOf } from '../metaEthnography/concepts';
import { memoRelations } from '../metaEthnography/memoRelations';

/** Memos whose front matter says they are about `code`. */
export function memosAboutCode(index: ReviewIndex, code: string): Memo[] {
  return index.memos().filter((memo) => memo.about.codes.some((target) => target.value === code));
}

/** Memos about a theme (by heading path). */
export function memosAboutTheme(index: ReviewIndex, themePath: readonly string[]): Memo[] {
  return index.memos().filter((memo) => memo.about.themes.some((target) => samePath(target.value, themePath)));
}

/** Memos about a study (by id). */
export function memosAboutStudy(index: ReviewIndex, studyId: string): Memo[] {
  return index.memos().filter((memo) => memo.about.studies.some((target) => target.value === studyId));
}

/**
 * The study a memo's `@key` names: the study with that id, else the one whose
 * `citation-key` it is (the key a reviewer's reference manager gave the paper).
 */
export function studyOfKey(index: ReviewIndex, key: string): Study | undefined {
  return index.studiesWithId(key)[0] ?? index.studies().find((study) => study.attributes['citation-key'] === key);
}

/**
 * Memos about the review as a whole: the line of argument, the synthesis. A memo with
 * `relation: line-of-argument` draws its concepts into that line, so it is one of them.
 */
export function reviewMemos(index: ReviewIndex): Memo[] {
  return index.memos().filter((memo) => memo.about.review || memo.relation?.kind === 'line-of-argument');
}

/** True when a memo references `code` anywhere: in `about:` or as a `#tag` in its body. */
export function memoMentions(memo: Memo, code: string): boolean {
  return memo.about.codes.some((target) => target.value === code) || memo.tags.some((tag) => tag.code === code);
}

/** A memo's own problems and those of targets the review does not have. */
export function memoProblems(index: ReviewIndex, memo: Memo): Problem[] {
  const problems = [...memo.problems];
  const problem = (range: Problem['range'], message: string, code?: string): void => {
    problems.push({ path: memo.path, range, severity: 'warning', kind: 'memo-unknown-target', message, ...(code ? { code } : {}) });
  };
  const known = (code: string): boolean => index.getCode(code) !== undefined;
  for (const target of memo.about.codes) {
    if (!known(target.value)) problem(target.range, `This memo is about #${target.value}, which is neither defined in ${index.codebook.path} nor used in any study: fix the name (was the code renamed or merged?).`, target.value);
  }
  for (const tag of memo.tags) {
    if (!known(tag.code)) problem(tag.range, `#${tag.code} is neither defined in ${index.codebook.path} nor used in any study: fix the name (was the code renamed or merged?).`, tag.code);
  }
  const themes = index.allThemes();
  for (const target of memo.about.themes) {
    if (!themes.some((theme: Theme) => samePath(theme.path, target.value))) problem(target.range, `This memo is about the theme “${target.value.join(' › ')}”, which ${index.codebook.path} does not have: write its heading path from the top (e.g. \`Parent > Child\`).`);
  }
  for (const target of memo.about.studies) {
    if (index.studiesWithId(target.value).length === 0) problem(target.range, `This memo is about study \`${target.value}\`, which no study file has as its id: fix the id.`);
  }
  for (const reference of memo.studyReferences) {
    if (!studyOfKey(index, reference.key)) problem(reference.range, `@${reference.key} names no study: no study file has it as its id or \`citation-key\`. Fix the key, or write \\@ for an @ that is not a study reference.`);
  }
  if (memo.relation) problems.push(...memoRelations([memo], index.codebook, conceptsOf(index.codebook)).problems.map((found): Problem => ({ ...found, kind: 'concept-relation' })));
  return problems;
}
