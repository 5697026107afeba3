/**
 * Adds a theme to the codebook: a heading at the end of the file (a top-level theme) or
 * at the end of a theme's section (a sub-theme, one level deeper). One insertion, so the
 * rest of the file stays byte-identical.
 */
import { THEME_PATH_SEPARATOR } from '../memo/memo';
import type { Codebook } from '../model';
import { CodebookEditError, findTheme } from './codebookEdits';
import type { TextEdit } from './textEdit';

/**
 * Edits that add a heading `title` as a new theme: under `parentPath` when given (after
 * its last sub-theme), else as a top-level theme at the end of the codebook. Throws
 * `CodebookEditError` for an empty or multi-line title, a sibling with the same title,
 * an unknown parent, or a seventh heading level.
 */
export function newThemeEdits(codebook: Codebook, text: string, title: string, parentPath: readonly string[] = []): TextEdit[] {
  const clean = checkedTitle(title);
  const parent = parentPath.length > 0 ? findTheme(codebook, parentPath) : undefined;
  if (parentPath.length > 0 && !parent) throw new CodebookEditError(`No theme ${parentPath.join(' › ')} in ${codebook.path}.`);
  const siblings = parent ? parent.children : codebook.themes;
  if (siblings.some((theme) => theme.title === clean)) {
    throw new CodebookEditError(`There is already a theme "${clean}" ${parent ? `under ${parent.title}` : 'at the top level'}: choose another title.`);
  }
  const depth = parent ? parent.depth + 1 : 1;
  if (depth > 6) throw new CodebookEditError('Markdown has six heading levels: a sub-theme here would need a seventh.');
  const insertAt = parent ? parent.sectionRange.end : text.length;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const heading = `${'#'.repeat(depth)} ${clean}${eol}`;
  // A blank line before the heading, and one after it when more text follows.
  const before = blankLineBefore(text, insertAt, eol);
  const after = insertAt < text.length ? eol : '';
  return [{ path: codebook.path, start: insertAt, end: insertAt, newText: before + heading + after }];
}

/** The title on one line, trimmed; refuses what would not parse back as the same heading. */
function checkedTitle(title: string): string {
  const problem = headingTitleProblem(title);
  if (problem) throw new CodebookEditError(problem);
  return title.trim().replace(/\s+/g, ' ');
}

/**
 * Why `title` cannot be a theme heading's text (empty, several lines, a closing `#`
 * sequence, a path separator ` > `, ` › ` or ` / ` that memos write between titles), or `undefined`.
 */
export function headingTitleProblem(title: string): string | undefined {
  const clean = title.trim();
  if (clean === '') return 'A theme needs a title.';
  if (/[\r\n]/.test(clean)) return 'A theme title is one line: remove the line breaks.';
  if (/\s#+$/.test(clean)) return 'A theme title cannot end with #: Markdown would read them as a closing sequence.';
  if (THEME_PATH_SEPARATOR.test(clean)) return 'A theme title cannot hold “ > ”, “ › ” or “ / ” between spaces: memos write a heading path with them.';
  return undefined;
}

/** What to put before an insertion at `offset` so a blank line separates it from the text above. */
function blankLineBefore(text: string, offset: number, eol: string): string {
  const above = text.slice(0, offset);
  if (offset === 0 || /\r?\n[ \t]*\r?\n$/.test(above)) return '';
  return above.endsWith('\n') ? eol : eol + eol;
}
