/**
 * Refactorings are computed in the core as plain text edits, so they can be tested on
 * whole files without VS Code and applied by the editor as one undoable workspace edit.
 */

/** Replace [start, end) of a file's text (UTF-16 offsets) with `newText`. */
export interface TextEdit {
  /** Review-relative path of the file. */
  readonly path: string;
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Applies edits to one file's text; edits must not overlap. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const edit of sorted) {
    if (edit.end > limit) throw new Error(`Overlapping edits at offset ${edit.start} in ${edit.path}.`);
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
    limit = edit.start;
  }
  return result;
}

/** Groups edits by file path, in path order. */
export function editsByPath(edits: readonly TextEdit[]): Map<string, TextEdit[]> {
  const byPath = new Map<string, TextEdit[]>();
  for (const edit of [...edits].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.start - b.start))) {
    const list = byPath.get(edit.path) ?? [];
    list.push(edit);
    byPath.set(edit.path, list);
  }
  return byPath;
}
