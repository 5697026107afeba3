/**
 * "Remove code at cursor": takes one tag out of a study. The last code of a span takes
 * the span syntax with it (the passage stays); a line left holding only quote markers
 * or nothing is removed whole.
 */
import type { Segment, Study, TagOccurrence } from '../model';
import { deleteTag } from './renameCode';
import type { TextEdit } from './textEdit';

/** The tag whose `#name` contains the offset (or ends at it), if any. */
export function tagAt(study: Study, offset: number): TagOccurrence | undefined {
  return study.tags.find((tag) => tag.range.start <= offset && offset <= tag.range.end);
}

/** The innermost segment containing the offset, if any. */
export function segmentAt(study: Study, offset: number): Segment | undefined {
  let best: Segment | undefined;
  for (const segment of study.segments) {
    if (segment.outerRange.start <= offset && offset <= segment.outerRange.end) {
      if (!best || segment.outerRange.end - segment.outerRange.start < best.outerRange.end - best.outerRange.start) best = segment;
    }
  }
  return best;
}

/** Edits that remove `tag` from the study (text is the study's current text). */
export function removeTagEdits(study: Study, text: string, tag: TagOccurrence): TextEdit[] {
  const owner = study.segments.find((segment) => segment.tags.some((other) => other.range.start === tag.range.start));
  if (owner?.kind === 'span' && owner.tags.length === 1) {
    return [
      { path: study.path, start: owner.outerRange.start, end: owner.range.start, newText: '' },
      { path: study.path, start: owner.range.end, end: owner.outerRange.end, newText: '' },
    ];
  }
  const edit = deleteTag(study.path, text, tag);
  return [wholeLineIfEmpty(text, edit)];
}

/** Widens a deletion to its whole line when nothing but quote markers would remain. */
function wholeLineIfEmpty(text: string, edit: TextEdit): TextEdit {
  const lineStart = text.lastIndexOf('\n', edit.start - 1) + 1;
  let lineEnd = text.indexOf('\n', edit.end);
  if (lineEnd === -1) lineEnd = text.length;
  const rest = text.slice(lineStart, edit.start) + text.slice(edit.end, lineEnd);
  if (!/^[\s>]*$/.test(rest)) return edit;
  return { ...edit, start: lineStart, end: lineEnd < text.length ? lineEnd + 1 : lineEnd, newText: '' };
}
