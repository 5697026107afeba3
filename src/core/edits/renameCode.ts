/**
 * Rename and merge of codes across a review: the `#name` of every tag in every study,
 * of every definition in the codebook, and every reference in a memo (a `#tag` in its
 * body, a name in its `about: codes:`), and nothing else. Merging into a code that
 * a span already carries drops the now-duplicate tag instead of writing it twice.
 */
import type { ReviewIndex } from '../reviewIndex';
import type { TagOccurrence } from '../model';
import { isValidCodeName } from '../syntax/codeName';
import type { TextEdit } from './textEdit';

/** Why a rename cannot be done, in words for the user. */
export class RenameError extends Error {}

/** Source texts by review-relative path, for the files the edits touch. */
export type TextsByPath = ReadonlyMap<string, string>;

/**
 * Edits that rename `from` to `to` everywhere. When `to` is already in use this is a
 * merge: a span holding both keeps one tag, and the codebook keeps `to`'s definitions
 * (the definitions of `from` are removed unless `to` has none).
 */
export function renameCodeEdits(index: ReviewIndex, texts: TextsByPath, from: string, to: string): TextEdit[] {
  if (!isValidCodeName(to)) throw new RenameError(`\`${to}\` is not a valid code name: start with a letter; use letters, digits, _, -, . and / between levels.`);
  if (from === to) return [];
  const edits: TextEdit[] = [];
  for (const study of index.studies()) {
    const text = texts.get(study.path);
    if (text === undefined) continue;
    for (const tag of study.tags) {
      if (tag.code !== from) continue;
      edits.push(siblingHas(study.segments, tag, to) ? deleteTag(study.path, text, tag) : replaceName(study.path, tag, to));
    }
  }
  edits.push(...codebookEdits(index, texts, from, to), ...memoEdits(index, texts, from, to));
  return edits;
}

/** A memo's references are words, not coding: each is renamed, even in a merge. */
function memoEdits(index: ReviewIndex, texts: TextsByPath, from: string, to: string): TextEdit[] {
  return index.memos().flatMap((memo) => {
    const text = texts.get(memo.path);
    if (text === undefined) return [];
    const about = memo.about.codes
      .filter((target) => target.value === from && text.slice(target.range.start, target.range.end) === from)
      .map((target): TextEdit => ({ path: memo.path, start: target.range.start, end: target.range.end, newText: to }));
    const tags = memo.tags.filter((tag) => tag.code === from).map((tag) => replaceName(memo.path, tag, to));
    return [...about, ...tags];
  });
}

function replaceName(path: string, tag: TagOccurrence, to: string): TextEdit {
  return { path, start: tag.range.start + 1, end: tag.range.end, newText: to };
}

/** True when the segment that holds `tag` already carries `code`. */
function siblingHas(segments: ReadonlyArray<{ tags: readonly TagOccurrence[]; codes: readonly string[] }>, tag: TagOccurrence, code: string): boolean {
  const owner = segments.find((segment) => segment.tags.some((other) => other.range.start === tag.range.start));
  return owner !== undefined && owner.codes.includes(code);
}

/** Deletes a tag and one space next to it, so `{#a #b}` becomes `{#b}`. */
export function deleteTag(path: string, text: string, tag: TagOccurrence): TextEdit {
  let { start, end } = tag.range;
  if (text[end] === ' ') end++;
  else if (text[start - 1] === ' ') start--;
  return { path, start, end, newText: '' };
}

function codebookEdits(index: ReviewIndex, texts: TextsByPath, from: string, to: string): TextEdit[] {
  const codebook = index.codebook;
  const text = texts.get(codebook.path);
  if (text === undefined) return [];
  const targetDefined = codebook.definitions.some((definition) => definition.code === to);
  return codebook.definitions
    .filter((definition) => definition.code === from)
    .map((definition): TextEdit => {
      if (!targetDefined) return { path: codebook.path, start: definition.range.start + 1, end: definition.range.end, newText: to };
      const lineEnd = text.indexOf('\n', definition.lineRange.end);
      return { path: codebook.path, start: definition.lineRange.start, end: lineEnd === -1 ? text.length : lineEnd + 1, newText: '' };
    });
}
