/**
 * `codebook.md` from an imported code tree: a code with children, or a non-codable
 * code, becomes a heading (a theme) with its description and colour; a codable code
 * becomes `- #tag **Name**: description` under its parent's heading, the name in bold
 * when it is not the tag, the description's line breaks kept (a codable parent is both
 * a heading and the first item under it, bearing the heading's title, which is how the
 * export knows it is one code). Codable codes at the top with no children are
 * listed before the first heading. A set whose name is a theme path (`A / B`, as
 * QualSynth exports a code filed under several themes) files its codes under that
 * theme too; any other set of codes becomes a theme of its own at the end.
 */
import type { ImportCode, ImportSet } from './importModel';
import { THEME_PATH_SEPARATOR, hexColour } from './exportCodebook';
import { displayNameMarkdown } from '../codeDefinitionItem';
import { toYaml } from './yamlWriter';

/** A code definition to write: its tag, the name it had (when not the tag) and its description. */
export interface CodebookItem {
  readonly tag: string;
  readonly name?: string;
  readonly description: string;
}

/** A theme to write: a heading, its paragraphs, its code items and sub-themes. */
export interface CodebookSection {
  /** The code the section was made from (none for a set made a theme). */
  readonly guid?: string;
  readonly path: readonly string[];
  readonly title: string;
  readonly paragraphs: string[];
  readonly items: CodebookItem[];
  readonly children: CodebookSection[];
}

/** A code tree as codebook sections: items before any heading, then themes. */
export interface CodebookSections {
  readonly topItems: CodebookItem[];
  readonly roots: CodebookSection[];
}

/** What a codebook is made from: a REFI-QDA project's, or a `.qdc` file's, codes and sets. */
export interface CodeTree {
  readonly codes: readonly ImportCode[];
  readonly sets: readonly ImportSet[];
}

/** A rendered `codebook.md`, and the heading path of each code that became a theme, by code GUID. */
export interface RenderedCodebook {
  readonly text: string;
  readonly themeCount: number;
  readonly themePaths: ReadonlyMap<string, readonly string[]>;
}

/** Renders `codebook.md`; adds to `notes` what does not fit (colours of codes, deep trees). */
export function renderCodebook(title: string, tree: CodeTree, tags: ReadonlyMap<string, string>, notes: string[]): RenderedCodebook {
  const { topItems, roots } = codebookSections(tree, tags, notes);
  const lines = [`---\n${toYaml({ title })}---`, ''];
  if (topItems.length > 0) lines.push(...topItems.map(itemLine), '');
  const counts = { themes: 0, tooDeep: 0 };
  for (const root of roots) lines.push(...sectionLines(root, 1, counts));
  if (counts.tooDeep > 0) notes.push(`${counts.tooDeep} code groups nested deeper than six levels became level-six headings (Markdown has six).`);
  const themePaths = new Map<string, readonly string[]>();
  const index = (section: CodebookSection): void => {
    if (section.guid) themePaths.set(section.guid, section.path);
    section.children.forEach(index);
  };
  roots.forEach(index);
  return { text: `${lines.join('\n').replace(/\n+$/, '')}\n`, themeCount: counts.themes, themePaths };
}

/** The sections of a code tree: codes with children and non-codable codes are themes. */
export function codebookSections(tree: CodeTree, tags: ReadonlyMap<string, string>, notes: string[]): CodebookSections {
  const topItems: CodebookItem[] = [];
  const roots: CodebookSection[] = [];
  let codeColours = 0;
  const build = (code: ImportCode, parentPath: readonly string[]): CodebookSection => {
    const title = headingText(code.name);
    const path = [...parentPath, title];
    const tag = tags.get(code.guid);
    const section: CodebookSection = { guid: code.guid, path, title, paragraphs: [], items: [], children: [] };
    if (!tag && code.description.trim()) section.paragraphs.push(...paragraphsOf(code.description));
    const colour = hexColour(code.color);
    if (colour) section.paragraphs.push(`Colour: ${colour}`);
    if (tag) section.items.push(itemOf(tag, code));
    for (const childCode of code.children) {
      const childTag = tags.get(childCode.guid);
      if (childTag && childCode.children.length === 0) {
        section.items.push(itemOf(childTag, childCode));
        if (hexColour(childCode.color)) codeColours++;
      } else {
        section.children.push(build(childCode, path));
      }
    }
    return section;
  };
  for (const code of tree.codes) {
    const tag = tags.get(code.guid);
    if (tag && code.children.length === 0) {
      topItems.push(itemOf(tag, code));
      if (hexColour(code.color)) codeColours++;
    } else {
      roots.push(build(code, []));
    }
  }
  roots.push(...fileSets(tree.sets, roots, tags));
  if (codeColours > 0) notes.push(`Colours of ${codeColours} codes: QualSynth keeps colours on themes (headings) only.`);
  return { topItems, roots };
}

/** The lines of a section and its sub-themes, headings from `depth` (at most six). */
export function sectionLines(section: CodebookSection, depth: number, counts = { themes: 0, tooDeep: 0 }): string[] {
  counts.themes++;
  if (depth > 6) counts.tooDeep++;
  const lines = [`${'#'.repeat(Math.min(depth, 6))} ${section.title}`, ''];
  for (const paragraph of section.paragraphs) lines.push(paragraph, '');
  if (section.items.length > 0) lines.push(...section.items.map(itemLine), '');
  for (const child of section.children) lines.push(...sectionLines(child, depth + 1, counts));
  return lines;
}

/** Files set members under the theme the set names, or makes a theme of the set. */
function fileSets(sets: readonly ImportSet[], roots: readonly CodebookSection[], tags: ReadonlyMap<string, string>): CodebookSection[] {
  const byPath = new Map<string, CodebookSection>();
  const index = (section: CodebookSection): void => {
    byPath.set(section.path.join(THEME_PATH_SEPARATOR), section);
    section.children.forEach(index);
  };
  roots.forEach(index);
  const extra: CodebookSection[] = [];
  for (const set of sets) {
    const members = set.memberCodes.map((guid) => tags.get(guid)).filter((tag): tag is string => !!tag);
    if (members.length === 0) continue;
    let section = byPath.get(set.name);
    if (!section) {
      section = { path: [headingText(set.name)], title: headingText(set.name), paragraphs: paragraphsOf(set.description), items: [], children: [] };
      extra.push(section);
    }
    for (const tag of members) if (!section.items.some((item) => item.tag === tag)) section.items.push({ tag, description: '' });
  }
  return extra;
}

function itemOf(tag: string, code: ImportCode): CodebookItem {
  const name = code.name.replace(/\s+/g, ' ').trim();
  return { tag, name: name && name !== tag ? name : undefined, description: code.description };
}

/**
 * `- #tag **Name**: description`; a description's lines become the item's continuation
 * lines with hard breaks (`\` at the line end; a blank line is a `\` alone), escaped so
 * that none starts a Markdown block or ends in a break of its own.
 */
/** The Markdown list item of a code definition. */
export function itemLine(item: CodebookItem): string {
  const head = `- #${item.tag}${item.name ? ` ${displayNameMarkdown(item.name)}` : ''}`;
  const lines = item.description.replace(/\r\n?/g, '\n').trim().split('\n').map((line) => escapeDescriptionLine(line.trim()));
  if (lines.length === 1 && lines[0] === '') return head;
  return `${head}: ${lines.map((line, index) => (index === 0 ? line : `  ${escapeLineStart(line)}`)).join('\\\n')}`;
}

/** Backslashes that would escape the next character, or end the line as a hard break, are doubled. */
function escapeDescriptionLine(line: string): string {
  return line.replace(/\\(?=[!-/:-@[-`{-~]|$)/g, '\\\\');
}

function headingText(title: string): string {
  const flat = title.replace(/\s+/g, ' ').trim() || '(untitled)';
  return flat.replace(/(\s)#+$/, (match) => match.replace(/#/g, '\\#'));
}

/** Description paragraphs, with lines that would start Markdown blocks escaped. */
function paragraphsOf(description: string): string[] {
  return description
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.split('\n').map(escapeLineStart).join('\n').trim())
    .filter((paragraph) => paragraph !== '');
}

function escapeLineStart(line: string): string {
  const ordered = /^(\s*\d{1,9})([.)])(?=\s|$)/.exec(line);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${line.slice(ordered[0].length)}`;
  return line.replace(/^(\s*)(#|>|[-+*](?=\s|$)|`{3}|~{3}|={2,}|<)/, (_match, space: string, marker: string) => `${space}\\${marker}`);
}
