/**
 * "Code Selection…": wraps a selected passage in `[…]{#code}`, or, when the selection
 * is exactly the passage of an existing span, adds the codes to that span's braces.
 */
import type { Study } from '../model';
import { isValidCodeName } from '../syntax/codeName';
import type { TextEdit } from './textEdit';

/** Why a selection cannot be coded, in words for the user. */
export class CodeSelectionError extends Error {}

/** Edits that code [start, end) of a study with `codes`. */
export function codeSelectionEdits(study: Study, text: string, start: number, end: number, codes: readonly string[]): TextEdit[] {
  const invalid = codes.find((code) => !isValidCodeName(code));
  if (invalid !== undefined) throw new CodeSelectionError(`\`${invalid}\` is not a valid code name: start with a letter; use letters, digits, _, -, . and / between levels.`);
  const trimmed = trimSelection(text, start, end);
  if (trimmed.start >= trimmed.end) throw new CodeSelectionError('Select the passage to code first.');
  const existing = study.segments.find((segment) => segment.kind === 'span' && segment.range.start === trimmed.start && segment.range.end === trimmed.end);
  if (existing) {
    const missing = codes.filter((code) => !existing.codes.includes(code));
    if (missing.length === 0) return [];
    const braceClose = existing.outerRange.end - 1;
    return [{ path: study.path, start: braceClose, end: braceClose, newText: missing.map((code) => ` #${code}`).join('') }];
  }
  if (text.slice(trimmed.start, trimmed.end).includes('\n\n')) throw new CodeSelectionError('A span cannot cross a blank line: select a passage within one paragraph, or code each paragraph.');
  return [
    { path: study.path, start: trimmed.start, end: trimmed.start, newText: '[' },
    { path: study.path, start: trimmed.end, end: trimmed.end, newText: `]{${codes.map((code) => `#${code}`).join(' ')}}` },
  ];
}

/** Leaves surrounding whitespace out of the coded passage. */
function trimSelection(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}
