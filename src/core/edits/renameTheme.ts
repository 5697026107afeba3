/**
 * Rename of a theme across a review: the text of its heading in the codebook (its `#`
 * markers, closing sequence and the rest of the file kept), every memo's `about: themes:`
 * path through it (so its sub-themes' paths follow), and the meta-ethnography relation
 * lines (`Reciprocal:`, `Refutes:`) that name it or a concept under it. Each result is
 * parsed back before it is offered: a codebook that would not read back as the renamed
 * themes is refused, a memo whose front matter this cannot edit safely is left alone and
 * named, never misedited.
 */
import { parseCodebook, samePath } from '../codebook';
import { everyTheme } from '../themeWalk';
import { frontMatterBodyStart } from '../frontMatter';
import { parseMemo, THEME_PATH_SEPARATOR, type Memo } from '../memo/memo';
import { themeEntries, type YamlScalar } from '../memo/memoThemeEntries';
import { conceptRelations, conceptsOf, themeConceptsNamed } from '../metaEthnography/concepts';
import type { Codebook, Theme } from '../model';
import type { ReviewIndex } from '../reviewIndex';
import { findTheme, isPrefix } from './codebookEdits';
import { RenameError, type TextsByPath } from './renameCode';
import { applyEdits, type TextEdit } from './textEdit';
import { headingTitleProblem } from './themeHeading';
import { encodeYamlScalar } from '../yaml/yamlScalar';

/** The edits of a theme rename, and the memos it names the theme in but could not edit. */
export interface ThemeRename {
  readonly edits: TextEdit[];
  /** Memos left as they were, each with the reason (to say so, and for the reviewer to edit by hand). */
  readonly skipped: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
}

/**
 * Why the theme at `themePath` cannot be renamed to `title`, or `undefined`: no such
 * theme, an empty or multi-line title, a closing `#`, a path separator (` > `, ` › `,
 * ` / `, which memos write between titles), or a sibling theme of that title.
 */
export function themeRenameProblem(codebook: Codebook, themePath: readonly string[], title: string): string | undefined {
  const theme = findTheme(codebook, themePath);
  if (!theme) return `There is no theme ${themePath.join(' › ')} in ${codebook.path}.`;
  const problem = headingTitleProblem(title);
  if (problem) return problem;
  const clean = cleanTitle(title);
  const siblings = siblingsOf(codebook, themePath);
  if (siblings.filter((sibling) => sibling.title === theme.title).length > 1) return `Two themes are called “${theme.title}” here: rename the other one first, so memos name one theme.`;
  if (clean !== theme.title && siblings.some((sibling) => sibling.title === clean)) return `There is already a theme “${clean}” ${themePath.length > 1 ? `under ${themePath[themePath.length - 2]}` : 'at the top level'}: choose another title.`;
  return undefined;
}

/**
 * The edits that rename the theme at `themePath` to `title`, computed on `texts` (the
 * codebook and the memos about it or a theme under it). Throws `RenameError` when the
 * rename cannot be done (`themeRenameProblem`, or a title the codebook would not read back).
 */
export function renameThemeEdits(index: ReviewIndex, texts: TextsByPath, themePath: readonly string[], title: string): ThemeRename {
  const codebook = index.codebook;
  const problem = themeRenameProblem(codebook, themePath, title);
  if (problem) throw new RenameError(problem);
  const text = texts.get(codebook.path);
  if (text === undefined) throw new RenameError(`${codebook.path} could not be read.`);
  const theme = findTheme(codebook, themePath)!;
  const renamed = cleanTitle(title);
  if (renamed === theme.title) return { edits: [], skipped: [] };
  const moved = (path: readonly string[]): readonly string[] => renamedPath(path, themePath, renamed);
  const codebookEdits = [{ path: codebook.path, start: theme.titleRange.start, end: theme.titleRange.end, newText: renamed }, ...relationEdits(codebook, text, themePath, renamed)];
  checkCodebook(codebook, applyEdits(text, codebookEdits), moved);
  const edits: TextEdit[] = [...codebookEdits];
  const skipped: Array<{ path: string; reason: string }> = [];
  for (const memo of memosUnderTheme(index, themePath)) {
    const memoText = texts.get(memo.path);
    const memoEdits = memoText === undefined ? undefined : memoRenameEdits(memo, memoText, moved);
    if (memoEdits) edits.push(...memoEdits);
    else skipped.push({ path: memo.path, reason: memoText === undefined ? 'it could not be read' : 'its `about: themes:` is written in a way this cannot edit safely' });
  }
  return { edits, skipped };
}

/** Memos about the theme at `themePath` or a theme under it. */
export function memosUnderTheme(index: ReviewIndex, themePath: readonly string[]): Memo[] {
  return index.memos().filter((memo) => memo.about.themes.some((target) => isPrefix(themePath, target.value)));
}

/** `path` with the title at the renamed theme's depth replaced, when it runs through that theme. */
function renamedPath(path: readonly string[], themePath: readonly string[], title: string): readonly string[] {
  if (!isPrefix(themePath, path)) return path;
  return [...themePath.slice(0, -1), title, ...path.slice(themePath.length)];
}

/**
 * Edits of each relation line's name that means a concept theme at or under the renamed
 * one and writes the renamed title (a name can be the tail of a path, `Child` alone).
 */
function relationEdits(codebook: Codebook, text: string, themePath: readonly string[], title: string): TextEdit[] {
  const concepts = conceptsOf(codebook);
  const depth = themePath.length - 1;
  return everyTheme(codebook.themes).flatMap((theme) =>
    (theme.relations ?? []).flatMap((line) =>
      line.targets.flatMap((target): TextEdit[] => {
        const matches = target.text.startsWith('#') ? [] : themeConceptsNamed(target.text, concepts);
        const path = matches.length === 1 ? matches[0].path! : undefined;
        if (!path || !isPrefix(themePath, path)) return [];
        const raw = text.slice(target.range.start, target.range.end);
        const parts = raw.split(new RegExp(`(${THEME_PATH_SEPARATOR.source})`));
        const written = (parts.length + 1) / 2;
        const index = 2 * (depth - (path.length - written));
        if (index < 0) return [];
        parts[index] = title;
        return [{ path: codebook.path, start: target.range.start, end: target.range.end, newText: parts.join('') }];
      }),
    ),
  );
}

/** Refuses a codebook that would not read back with every theme renamed as meant and its relations kept. */
function checkCodebook(before: Codebook, afterText: string, moved: (path: readonly string[]) => readonly string[]): void {
  const after = parseCodebook(before.path, afterText);
  const expected = everyTheme(before.themes).map((theme) => moved(theme.path));
  const found = everyTheme(after.themes).map((theme) => theme.path);
  const relationKeys = (codebook: Codebook, map: (path: readonly string[]) => readonly string[]): string[] =>
    conceptRelations(codebook).relations.map((relation) => [relation.kind, ...[relation.from, relation.to].map((concept) => (concept.path ? map(concept.path).join(' › ') : concept.key))].join('\u0000'));
  const same = expected.length === found.length && expected.every((path, index) => samePath(path, found[index]));
  if (!same) throw new RenameError('The codebook would not read this title back as the same heading: choose another title.');
  if (relationKeys(before, moved).join('\n') !== relationKeys(after, (path) => path).join('\n')) {
    throw new RenameError('The new title would change what a Reciprocal: or Refutes: line relates (a ; or a dash in it?): choose another title.');
  }
}

/** The edits of a memo's theme paths through the renamed theme; `undefined` when they cannot be made safely. */
function memoRenameEdits(memo: Memo, text: string, moved: (path: readonly string[]) => readonly string[]): TextEdit[] | undefined {
  const entries = themeEntries(text.slice(0, frontMatterBodyStart(text)));
  const paths = entries?.map((entry) => (entry.form === 'path' ? entry.scalars[0].value.split(THEME_PATH_SEPARATOR) : entry.scalars.map((scalar) => scalar.value)).map((part) => part.trim()));
  const read = memo.about.themes.map((target) => target.value);
  if (!entries || !paths || paths.length !== read.length || !paths.every((path, index) => samePath(path, read[index]))) return undefined;
  const edits = entries.flatMap((entry, index) => {
    const target = moved(paths[index]);
    if (target === paths[index]) return [];
    return entry.form === 'path' ? [pathEdit(memo.path, entry.scalars[0], target)] : entry.scalars.flatMap((scalar, at) => (scalar.value.trim() === target[at] ? [] : [scalarEdit(memo.path, scalar, target[at])]));
  });
  const after = parseMemo(memo.path, applyEdits(text, edits)).about.themes.map((target) => target.value);
  const expected = read.map(moved);
  return after.length === expected.length && after.every((path, index) => samePath(path, expected[index])) ? edits : undefined;
}

/** A path scalar rewritten with its titles replaced and its separators as written. */
function pathEdit(path: string, scalar: YamlScalar, titles: readonly string[]): TextEdit {
  const parts = scalar.value.split(new RegExp(`(${THEME_PATH_SEPARATOR.source})`));
  const value = parts.map((part, index) => (index % 2 === 1 ? part : part.replace(part.trim(), () => titles[index / 2]))).join('');
  return scalarEdit(path, scalar, value);
}

function scalarEdit(path: string, scalar: YamlScalar, value: string): TextEdit {
  return { path, start: scalar.start, end: scalar.end, newText: encodeYamlScalar(value, scalar.style, scalar.inFlow) };
}

function siblingsOf(codebook: Codebook, themePath: readonly string[]): readonly Theme[] {
  return themePath.length > 1 ? (findTheme(codebook, themePath.slice(0, -1))?.children ?? []) : codebook.themes;
}

function cleanTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ');
}
