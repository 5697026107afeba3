/**
 * `codebook.md` from an imported code tree: a code with children, or a non-codable
 * code, becomes a heading (a theme) with its description and colour; a codable code
 * becomes `- #tag: description` under its parent's heading (a codable parent is both a
 * heading and the first item under it). Codable codes at the top with no children are
 * listed before the first heading. A set whose name is a theme path (`A / B`, as
 * QualSynth exports a code filed under several themes) files its codes under that
 * theme too; any other set of codes becomes a theme of its own at the end.
 */
import type { ImportCode, ImportProject, ImportSet } from './importModel';
import { THEME_PATH_SEPARATOR, hexColour } from './exportCodebook';
import { toYaml } from './yamlWriter';

interface Section {
  readonly path: readonly string[];
  readonly title: string;
  readonly paragraphs: string[];
  readonly items: Array<{ tag: string; description: string }>;
  readonly children: Section[];
}

/** Renders `codebook.md`; adds to `notes` what does not fit (colours of codes, deep trees). */
export function renderCodebook(project: ImportProject, tags: ReadonlyMap<string, string>, notes: string[]): { text: string; themeCount: number } {
  const topItems: Section['items'] = [];
  const roots: Section[] = [];
  let codeColours = 0;
  const build = (code: ImportCode, parentPath: readonly string[]): Section => {
    const path = [...parentPath, code.name];
    const tag = tags.get(code.guid);
    const section: Section = { path, title: code.name, paragraphs: [], items: [], children: [] };
    if (!tag && code.description.trim()) section.paragraphs.push(...paragraphsOf(code.description));
    const colour = hexColour(code.color);
    if (colour) section.paragraphs.push(`Colour: ${colour}`);
    if (tag) section.items.push({ tag, description: code.description });
    for (const childCode of code.children) {
      const childTag = tags.get(childCode.guid);
      if (childTag && childCode.children.length === 0) {
        section.items.push({ tag: childTag, description: childCode.description });
        if (hexColour(childCode.color)) codeColours++;
      } else {
        section.children.push(build(childCode, path));
      }
    }
    return section;
  };
  for (const code of project.codes) {
    const tag = tags.get(code.guid);
    if (tag && code.children.length === 0) {
      topItems.push({ tag, description: code.description });
      if (hexColour(code.color)) codeColours++;
    } else {
      roots.push(build(code, []));
    }
  }
  roots.push(...fileSets(project.sets, roots, tags));
  if (codeColours > 0) notes.push(`Colours of ${codeColours} codes: QualSynth keeps colours on themes (headings) only.`);
  const lines = [`---\n${toYaml({ title: `${project.name} — codebook` })}---`, ''];
  if (topItems.length > 0) lines.push(...topItems.map(itemLine), '');
  let tooDeep = 0;
  let themeCount = 0;
  const write = (section: Section, depth: number): void => {
    themeCount++;
    if (depth > 6) tooDeep++;
    lines.push(`${'#'.repeat(Math.min(depth, 6))} ${headingText(section.title)}`, '');
    for (const paragraph of section.paragraphs) lines.push(paragraph, '');
    if (section.items.length > 0) lines.push(...section.items.map(itemLine), '');
    section.children.forEach((childSection) => write(childSection, depth + 1));
  };
  roots.forEach((root) => write(root, 1));
  if (tooDeep > 0) notes.push(`${tooDeep} code groups nested deeper than six levels became level-six headings (Markdown has six).`);
  return { text: `${lines.join('\n').replace(/\n+$/, '')}\n`, themeCount };
}

/** Files set members under the theme the set names, or makes a theme of the set. */
function fileSets(sets: readonly ImportSet[], roots: readonly Section[], tags: ReadonlyMap<string, string>): Section[] {
  const byPath = new Map<string, Section>();
  const index = (section: Section): void => {
    byPath.set(section.path.join(THEME_PATH_SEPARATOR), section);
    section.children.forEach(index);
  };
  roots.forEach(index);
  const extra: Section[] = [];
  for (const set of sets) {
    const members = set.memberCodes.map((guid) => tags.get(guid)).filter((tag): tag is string => !!tag);
    if (members.length === 0) continue;
    let section = byPath.get(set.name);
    if (!section) {
      section = { path: [set.name], title: set.name, paragraphs: paragraphsOf(set.description || `Codes of the set "${set.name}".`), items: [], children: [] };
      extra.push(section);
    }
    for (const tag of members) if (!section.items.some((item) => item.tag === tag)) section.items.push({ tag, description: '' });
  }
  return extra;
}

function itemLine(item: { tag: string; description: string }): string {
  const description = item.description.replace(/\s+/g, ' ').trim();
  return description ? `- #${item.tag}: ${description}` : `- #${item.tag}`;
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
