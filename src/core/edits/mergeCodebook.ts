/**
 * Merges an imported codebook (a `.qdc` file's codes as sections) into the review's
 * `codebook.md` as text edits of that file alone: a code whose tag is already defined
 * is left as it is; a new code joins its theme when the codebook has a theme of that
 * path, else its theme is added (under its parent theme when that exists, else at the
 * end); codes outside any theme go before the first heading. Every other byte of the
 * file stays as it was, so the edit is one undoable change to review.
 */
import type { Codebook, Theme } from '../model';
import { itemLine, sectionLines, type CodebookSection, type CodebookSections } from '../refi/importCodebook';
import { findTheme, insertItem, ownContentEnd } from './codebookEdits';
import type { TextEdit } from './textEdit';

/** The edits, and how many codes they add and leave out (already defined). */
export interface CodebookMerge {
  readonly edits: TextEdit[];
  readonly added: number;
  readonly skipped: number;
}

/** Edits of `codebook.md` (its current `text`) that add the imported codes it lacks. */
export function mergeCodebookEdits(codebook: Codebook, text: string, imported: CodebookSections): CodebookMerge {
  const defined = new Set(codebook.definitions.map((definition) => definition.code));
  const counts = { added: 0, skipped: 0 };
  const fresh = <T extends { tag: string }>(items: readonly T[]): T[] =>
    items.filter((item) => {
      const isNew = !defined.has(item.tag);
      if (isNew) defined.add(item.tag);
      counts[isNew ? 'added' : 'skipped']++;
      return isNew;
    });
  const inserts = new Map<number, string[]>();
  const insert = (offset: number, newText: string): void => void inserts.set(offset, [...(inserts.get(offset) ?? []), newText]);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const topItems = fresh(imported.topItems);
  if (topItems.length > 0) {
    const firstHeading = codebook.themes[0]?.range.start;
    if (firstHeading === undefined) insert(text.length, separatorAt(text, text.length, eol) + topItems.map(itemLine).join(eol) + eol);
    else insert(firstHeading, topItems.map(itemLine).join(eol) + eol + eol);
  }
  const mergeSection = (section: CodebookSection, parent: Theme | undefined): void => {
    const existing = findTheme(codebook, section.path);
    if (existing) {
      const items = fresh(section.items);
      if (items.length > 0) {
        const edit = insertItem(codebook.path, text, ownContentEnd(existing), items.map(itemLine).join(eol));
        insert(edit.start, edit.newText);
      }
      for (const child of section.children) mergeSection(child, existing);
      return;
    }
    const at = parent ? parent.sectionRange.end : text.length;
    const lines = sectionLines(withFreshItems(section, fresh), section.path.length);
    insert(at, separatorAt(text, at, eol) + lines.join(eol).replace(/\s+$/, '') + eol + (at < text.length ? eol : ''));
  };
  for (const root of imported.roots) mergeSection(root, undefined);
  const edits = [...inserts].map(([offset, texts]): TextEdit => ({ path: codebook.path, start: offset, end: offset, newText: texts.join('') }));
  return { edits, ...counts };
}

/** A new section, less the codes the codebook already defines (and its sub-sections likewise). */
function withFreshItems(section: CodebookSection, fresh: (items: readonly CodebookSection['items'][number][]) => CodebookSection['items']): CodebookSection {
  return { ...section, items: fresh(section.items), children: section.children.map((child) => withFreshItems(child, fresh)) };
}

/** Line breaks so that text inserted at `offset` starts after a blank line. */
function separatorAt(text: string, offset: number, eol: string): string {
  const before = text.slice(0, offset);
  if (offset === 0 || before.endsWith(`${eol}${eol}`)) return '';
  return before.endsWith(eol) ? eol : eol + eol;
}
