/**
 * Several edits of one file made one after another, each computed on the text the
 * previous one left (e.g. several codes dropped on a theme at once), as edits of the
 * original text: one undoable step that leaves every unchanged byte as it was.
 */
import { applyEdits, type TextEdit } from './textEdit';

/** One step: the edits of `text` it makes (all of one file). */
export type EditStep = (text: string) => readonly TextEdit[];

/**
 * Runs `steps` in order on `text` and returns edits of the original text with the same
 * result: a lone step's edits unchanged, several steps' folded into one replacement of
 * the stretch that changed, `[]` when nothing did.
 */
export function editSequence(path: string, text: string, steps: readonly EditStep[]): TextEdit[] {
  const done: TextEdit[][] = [];
  let current = text;
  for (const step of steps) {
    const edits = [...step(current)];
    if (edits.length === 0) continue;
    done.push(edits);
    current = applyEdits(current, edits);
  }
  if (done.length === 0 || current === text) return [];
  return done.length === 1 ? done[0] : [changedStretch(path, text, current)];
}

/** One edit turning `before` into `after`: the stretch between their common prefix and suffix. */
export function changedStretch(path: string, before: string, after: string): TextEdit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  // Never split a surrogate pair or a CRLF: widen the stretch by one character instead.
  if (start > 0 && isLowHalfOrLf(before, start)) start--;
  if (suffix > 0 && isLowHalfOrLf(before, before.length - suffix)) suffix--;
  return { path, start, end: before.length - suffix, newText: after.slice(start, after.length - suffix) };
}

function isLowHalfOrLf(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  const previous = text.charCodeAt(index - 1);
  return (code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff) || (code === 0x0a && previous === 0x0d);
}
