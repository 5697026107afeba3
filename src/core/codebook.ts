/**
 * The codebook parser: headings are themes (any depth), a list item that starts with
 * a tag defines that code under the nearest heading (with an optional display name in
 * bold, `codeDefinitionItem.ts`), `CERQual:` and `Colour:`
 * paragraphs carry a theme's judgement and colour, other paragraphs its description.
 */
import { readDefinitionItem, type DefinitionItem } from './codeDefinitionItem';
import { readFrontMatter } from './frontMatter';
import type { CerqualJudgement, CodeDefinition, Codebook, Problem, Theme } from './model';
import { normaliseCodeName, scanCodeName } from './syntax/codeName';
import { splitBlocks, type MarkdownBlock } from './syntax/blocks';
import { BlockText } from './syntax/blockText';
import { LineIndex } from './text/lineIndex';

interface ThemeBuilder {
  path: string[];
  title: string;
  depth: number;
  description: string[];
  cerqual?: CerqualJudgement;
  color?: string;
  codes: string[];
  children: ThemeBuilder[];
  headingStart: number;
  headingEnd: number;
  sectionEnd: number;
}

const cerqualParagraph = /^CERQual\s*:\s*/i;
const colourParagraph = /^Colou?r\s*:\s*(\S+)/i;
const confidenceLevel = /^(high|moderate|low|very low)\b[\s—–\-:;,.]*/i;

/** Parses the codebook's text (BOM removed); never throws. */
export function parseCodebook(path: string, text: string): Codebook {
  const lines = new LineIndex(text);
  const frontMatter = readFrontMatter(text);
  const problems: Problem[] = [];
  if (frontMatter.error) {
    const { line, column, message } = frontMatter.error;
    const offset = lines.offsetAt({ line, column });
    problems.push({ path, range: lines.span(offset, lines.lineEnd(line)), severity: 'error', kind: 'invalid-front-matter', message });
  }
  const roots: ThemeBuilder[] = [];
  const open: ThemeBuilder[] = [];
  const definitions: CodeDefinition[] = [];

  for (const block of splitBlocks(text, frontMatter.bodyStart)) {
    const joined = new BlockText(text, block).value;
    const current = open[open.length - 1];
    if (block.kind === 'heading') {
      const theme = startTheme(block, joined, open, roots);
      if (!theme.title) problems.push(problemAt(path, lines, block, 'warning', 'empty-theme', 'Empty heading: give the theme a title, or delete the heading.'));
      continue;
    }
    const definition = block.kind === 'listItem' ? readDefinition(text, block, joined) : undefined;
    if (definition) {
      const themePath = current ? current.path : [];
      const duplicate = definitions.find((other) => other.code === definition.code && samePath(other.themePath, themePath));
      if (duplicate) {
        problems.push({ path, range: lines.span(definition.start, definition.end), severity: 'warning', kind: 'duplicate-definition', code: definition.code, message: `#${definition.code} is defined twice under the same theme (also on line ${duplicate.range.startPosition.line + 1}): delete one definition.` });
      } else if (!current) {
        problems.push({ path, range: lines.span(definition.start, definition.end), severity: 'warning', kind: 'code-before-theme', code: definition.code, message: `#${definition.code} is defined before any theme heading: move it under a heading to file it under a theme.` });
      }
      current?.codes.push(definition.code);
      definitions.push({
        code: definition.code,
        definition: definition.definition,
        plainDefinition: definition.plainDefinition,
        ...(definition.displayName ? { displayName: definition.displayName } : {}),
        themePath,
        range: lines.span(definition.start, definition.end),
        lineRange: lines.span(lines.lineStart(lines.lineAt(block.lines[0][0])), block.lines[block.lines.length - 1][1]),
      });
      continue;
    }
    if (current) addParagraph(current, joined);
  }
  closeSections(roots, text.length);
  const title = typeof frontMatter.data.title === 'string' ? frontMatter.data.title : undefined;
  return { path, title, themes: roots.map((root) => freeze(root, lines)), definitions, problems };
}

function startTheme(block: MarkdownBlock, title: string, open: ThemeBuilder[], roots: ThemeBuilder[]): ThemeBuilder {
  while (open.length > 0 && open[open.length - 1].depth >= block.headingDepth) {
    open.pop()!.sectionEnd = block.lines[0][0];
  }
  const parent = open[open.length - 1];
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  const theme: ThemeBuilder = {
    path: [...(parent?.path ?? []), cleanTitle],
    title: cleanTitle,
    depth: block.headingDepth,
    description: [],
    codes: [],
    children: [],
    headingStart: block.lines[0][0],
    headingEnd: block.lines[0][1],
    sectionEnd: -1,
  };
  (parent ? parent.children : roots).push(theme);
  open.push(theme);
  return theme;
}

/** Reads `#code **Display name**: definition` at the start of a list item. */
function readDefinition(text: string, block: MarkdownBlock, joined: string): (DefinitionItem & { code: string; start: number; end: number }) | undefined {
  if (joined.charCodeAt(0) !== 35 /* # */) return undefined;
  const nameEnd = scanCodeName(joined, 1);
  if (nameEnd === 1) return undefined;
  const start = block.lines[0][0];
  return { code: normaliseCodeName(joined.slice(1, nameEnd)), ...readDefinitionItem(joined.slice(nameEnd)), start, end: start + nameEnd };
}

function addParagraph(theme: ThemeBuilder, paragraph: string): void {
  const flat = paragraph.replace(/\s+/g, ' ').trim();
  const colour = colourParagraph.exec(flat);
  if (colour) {
    theme.color = colour[1];
    return;
  }
  if (cerqualParagraph.test(flat)) {
    theme.cerqual = parseCerqual(flat.replace(cerqualParagraph, ''));
    return;
  }
  theme.description.push(flat);
}

/** `moderate — minor concerns about adequacy` → confidence and explanation. */
export function parseCerqual(text: string): CerqualJudgement {
  const level = confidenceLevel.exec(text);
  if (!level) return { confidence: text, explanation: '' };
  return { confidence: level[1].toLowerCase(), explanation: text.slice(level[0].length).trim() };
}

function closeSections(themes: ThemeBuilder[], end: number): void {
  for (const theme of themes) {
    if (theme.sectionEnd < 0) theme.sectionEnd = end;
    closeSections(theme.children, theme.sectionEnd);
  }
}

function freeze(theme: ThemeBuilder, lines: LineIndex): Theme {
  return {
    path: theme.path,
    title: theme.title,
    depth: theme.depth,
    description: theme.description.join('\n\n'),
    cerqual: theme.cerqual,
    color: theme.color,
    codes: theme.codes,
    children: theme.children.map((child) => freeze(child, lines)),
    range: lines.span(lines.lineStart(lines.lineAt(theme.headingStart)), theme.headingEnd),
    sectionRange: lines.span(lines.lineStart(lines.lineAt(theme.headingStart)), sectionEnd(theme, lines)),
  };
}

/** A section ends where the next heading's line starts (or at the end of the file). */
function sectionEnd(theme: ThemeBuilder, lines: LineIndex): number {
  return theme.sectionEnd >= lines.text.length ? lines.text.length : lines.lineStart(lines.lineAt(theme.sectionEnd));
}

function problemAt(path: string, lines: LineIndex, block: MarkdownBlock, severity: Problem['severity'], kind: Problem['kind'], message: string): Problem {
  return { path, range: lines.span(block.lines[0][0], block.lines[0][1]), severity, kind, message };
}

/** True when two theme paths name the same theme. */
export function samePath(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}
