/**
 * Edits of the codebook: add a definition under a theme, move a code to another theme,
 * move a theme under another. Each returns edits of `codebook.md` alone that leave every
 * other byte of the file as it was.
 */
import { samePath } from '../codebook';
import type { Codebook, Theme } from '../model';
import type { TextEdit } from './textEdit';

/** Why a codebook edit cannot be done, in words for the user. */
export class CodebookEditError extends Error {}

/** Finds a theme by its heading path. */
export function findTheme(codebook: Codebook, path: readonly string[]): Theme | undefined {
  let level: readonly Theme[] = codebook.themes;
  let found: Theme | undefined;
  for (const title of path) {
    found = level.find((theme) => theme.title === title);
    if (!found) return undefined;
    level = found.children;
  }
  return found;
}

/** Edits that add `- #code: definition` under a theme (after its own definitions). */
export function addDefinitionEdits(codebook: Codebook, text: string, themePath: readonly string[], code: string, definition = ''): TextEdit[] {
  const item = `- #${code}:${definition ? ` ${definition}` : ''}`;
  if (themePath.length === 0) {
    const separator = text.length === 0 || text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
    return [{ path: codebook.path, start: text.length, end: text.length, newText: `${separator}# Uncategorised\n${item}\n` }];
  }
  const theme = findTheme(codebook, themePath);
  if (!theme) throw new CodebookEditError(`No theme ${themePath.join(' › ')} in ${codebook.path}.`);
  return [insertItem(codebook.path, text, ownContentEnd(theme), item)];
}

/** Edits that move a code's definition from one theme to another. */
export function moveCodeEdits(codebook: Codebook, text: string, code: string, fromPath: readonly string[], toPath: readonly string[]): TextEdit[] {
  const target = findTheme(codebook, toPath);
  if (!target) throw new CodebookEditError(`No theme ${toPath.join(' › ')} in ${codebook.path}.`);
  if (target.codes.includes(code)) return [];
  const definition = codebook.definitions.find((item) => item.code === code && samePath(item.themePath, fromPath));
  if (!definition) return addDefinitionEdits(codebook, text, toPath, code);
  const itemStart = definition.lineRange.start;
  const itemEnd = lineEndWithBreak(text, definition.lineRange.end);
  const itemText = text.slice(itemStart, itemEnd).replace(/\r?\n$/, '');
  return [{ path: codebook.path, start: itemStart, end: itemEnd, newText: '' }, insertItem(codebook.path, text, ownContentEnd(target), itemText)];
}

/** Edits that move a theme's whole section under another theme, re-levelling its headings. */
export function moveThemeEdits(codebook: Codebook, text: string, themePath: readonly string[], targetPath: readonly string[]): TextEdit[] {
  const theme = findTheme(codebook, themePath);
  const target = findTheme(codebook, targetPath);
  if (!theme || !target) throw new CodebookEditError(`No theme ${(theme ? targetPath : themePath).join(' › ')} in ${codebook.path}.`);
  if (samePath(themePath, targetPath) || isPrefix(themePath, targetPath)) throw new CodebookEditError('A theme cannot be moved under itself or one of its sub-themes.');
  const shift = target.depth + 1 - theme.depth;
  if (theme.depth + shift + maxDepthBelow(theme) > 6) throw new CodebookEditError('Markdown has six heading levels: this move would need a seventh.');
  const { start, end } = theme.sectionRange;
  let section = text.slice(start, end);
  if (!section.endsWith('\n')) section += '\n';
  const moved = section.replace(/^(#{1,6})(?=[ \t]|$)/gm, (hashes) => '#'.repeat(hashes.length + shift));
  const insertAt = target.sectionRange.end;
  const before = text.slice(0, insertAt);
  const separator = before.endsWith('\n\n') || insertAt === 0 ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  return [
    { path: codebook.path, start, end, newText: '' },
    { path: codebook.path, start: insertAt, end: insertAt, newText: separator + moved },
  ];
}

/** Where a theme's own content ends: before its first sub-theme, else at its section end. */
export function ownContentEnd(theme: Theme): number {
  return theme.children[0]?.sectionRange.start ?? theme.sectionRange.end;
}

/** Inserts a list item after the last non-blank line before `limit`. */
export function insertItem(path: string, text: string, limit: number, item: string): TextEdit {
  let lastEnd = limit;
  while (lastEnd > 0 && /\s/.test(text[lastEnd - 1])) lastEnd--;
  const lastLineStart = text.lastIndexOf('\n', lastEnd - 1) + 1;
  const lastLine = text.slice(lastLineStart, lastEnd);
  const inList = /^\s*([-*+]\s|\s{2,}\S)/.test(lastLine);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { path, start: lastEnd, end: lastEnd, newText: `${inList ? eol : eol + eol}${item}` };
}

function lineEndWithBreak(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline === -1 ? text.length : newline + 1;
}

function maxDepthBelow(theme: Theme): number {
  return theme.children.reduce((max, child) => Math.max(max, child.depth - theme.depth + maxDepthBelow(child)), 0);
}

/** True when `path` is `prefix` or runs through it (a theme path and its sub-themes'). */
export function isPrefix(prefix: readonly string[], path: readonly string[]): boolean {
  return prefix.length <= path.length && prefix.every((item, index) => item === path[index]);
}
