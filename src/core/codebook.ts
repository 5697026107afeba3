/**
 * The codebook parser: headings are themes (any depth), a list item that starts with
 * a tag defines that code under the nearest heading (with an optional display name in
 * bold, `codeDefinitionItem.ts`), `Colour:` and `Kind:` paragraphs carry a theme's colour
 * and kind (descriptive, analytical, concept), the meta-ethnography relation lines
 * (`Reciprocal:`, `Refutes:`; see `metaEthnography/relationSyntax.ts`), and the
 * GRADE-CERQual lines (`Finding:`, `CERQual:`, the four components, `Judged on:`,
 * `Contrary:`; see `cerqual/judgementSyntax.ts`) its finding and judgement; other
 * paragraphs are its description.
 */
import { readJudgementItem, type LineProblem } from './cerqual/judgementSyntax';
import { themeJudgement, type PlacedItem } from './cerqual/themeJudgement';
import { readDefinitionItem, type DefinitionItem } from './codeDefinitionItem';
import { readFrontMatter } from './frontMatter';
import { conceptRelations } from './metaEthnography/concepts';
import { readRelationLine, type RelationLine } from './metaEthnography/relationSyntax';
import type { CodeDefinition, Codebook, Problem, Theme, ThemeKind } from './model';
import { reportConflictMarkers } from './study';
import { normaliseCodeName, scanCodeName } from './syntax/codeName';
import { splitBlocks, type MarkdownBlock } from './syntax/blocks';
import { BlockText } from './syntax/blockText';
import { LineIndex } from './text/lineIndex';

interface ThemeBuilder {
  path: string[];
  title: string;
  depth: number;
  description: string[];
  judgementItems: PlacedItem[];
  color?: string;
  kind?: ThemeKind;
  relations: RelationLine[];
  codes: string[];
  children: ThemeBuilder[];
  headingStart: number;
  headingEnd: number;
  /** Where the heading's text ends (its last line, for a setext heading over several). */
  titleEnd: number;
  sectionEnd: number;
}

const colourParagraph = /^Colou?r\s*:\s*(\S+)/i;
const kindParagraph = /^Kind\s*:\s*(descriptive|analytic(?:al)?|concept)\s*(?:theme)?\.?$/i;

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
  // Markers glued into definitions would reach the report: each is an error at its line.
  reportConflictMarkers(text, frontMatter.bodyStart, (start, end, severity, kind, message) => problems.push({ path, range: lines.span(start, end), severity, kind, message }));
  const roots: ThemeBuilder[] = [];
  const open: ThemeBuilder[] = [];
  const definitions: CodeDefinition[] = [];
  // First definition by theme and code: a map, so 30,000 codes stay linear.
  const firstDefinition = new Map<string, CodeDefinition>();

  const lineProblems: LineProblem[] = [];
  for (const block of splitBlocks(text, frontMatter.bodyStart)) {
    const blockText = new BlockText(text, block);
    const joined = blockText.value;
    const current = open[open.length - 1];
    if (block.kind === 'heading') {
      const theme = startTheme(block, joined, open, roots);
      if (!theme.title) problems.push(problemAt(path, lines, block, 'warning', 'empty-theme', 'Empty heading: give the theme a title, or delete the heading.'));
      continue;
    }
    const definition = block.kind === 'listItem' ? readDefinition(text, block, joined) : undefined;
    if (definition) {
      const themePath = current ? current.path : [];
      const key = `${themePath.join('\u0000')}\u0001${definition.code}`;
      const duplicate = firstDefinition.get(key);
      if (duplicate) {
        problems.push({ path, range: lines.span(definition.start, definition.end), severity: 'warning', kind: 'duplicate-definition', code: definition.code, message: `#${definition.code} is defined twice under the same theme (also on line ${duplicate.range.startPosition.line + 1}): delete one definition.` });
      } else if (!current) {
        problems.push({ path, range: lines.span(definition.start, definition.end), severity: 'warning', kind: 'code-before-theme', code: definition.code, message: `#${definition.code} is defined before any theme heading: move it under a heading to file it under a theme.` });
      }
      current?.codes.push(definition.code);
      const added: CodeDefinition = {
        code: definition.code,
        definition: definition.definition,
        plainDefinition: definition.plainDefinition,
        ...(definition.displayName ? { displayName: definition.displayName } : {}),
        themePath,
        range: lines.span(definition.start, definition.end),
        lineRange: lines.span(lines.lineStart(lines.lineAt(block.lines[0][0])), block.lines[block.lines.length - 1][1]),
      };
      definitions.push(added);
      if (!duplicate) firstDefinition.set(key, added);
      continue;
    }
    if (current) addParagraph(current, block, blockText, lines, lineProblems);
  }
  closeSections(roots, text.length);
  const title = typeof frontMatter.data.title === 'string' ? frontMatter.data.title : undefined;
  const themes = roots.map((root) => freeze(root, lines, lineProblems));
  problems.push(...lineProblems.sort((a, b) => a.range.start - b.range.start).map((problem): Problem => ({ path, ...problem, kind: 'cerqual-syntax' })));
  const codebook = { path, title, themes, definitions, problems };
  // Relation targets are checked against the whole codebook, so after every theme is read.
  problems.push(...conceptRelations(codebook).problems.map((problem): Problem => ({ path, ...problem, kind: 'concept-relation' })));
  return codebook;
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
    judgementItems: [],
    relations: [],
    codes: [],
    children: [],
    headingStart: block.lines[0][0],
    headingEnd: block.lines[0][1],
    titleEnd: block.lines[block.lines.length - 1][1],
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

function addParagraph(theme: ThemeBuilder, block: MarkdownBlock, blockText: BlockText, lines: LineIndex, problems: LineProblem[]): void {
  const flat = blockText.value.replace(/\s+/g, ' ').trim();
  const colour = colourParagraph.exec(flat);
  if (colour) {
    theme.color = colour[1];
    return;
  }
  const kind = kindParagraph.exec(flat);
  if (kind) {
    const word = kind[1].toLowerCase();
    theme.kind = word.startsWith('analytic') ? 'analytical' : (word as ThemeKind);
    return;
  }
  const first = block.lines[0][0];
  const last = block.lines[block.lines.length - 1][1];
  const span = (start: number, end: number) => lines.span(blockText.toFile(start), blockText.toFile(end));
  const relation = readRelationLine({ text: blockText.value, span });
  if (relation) {
    theme.relations.push(relation);
    return;
  }
  const judgementBlock = {
    text: blockText.value,
    span,
    lines: lines.span(lines.lineStart(lines.lineAt(first)), last),
  };
  const item = readJudgementItem(judgementBlock, problems);
  if (item) theme.judgementItems.push({ item, lines: judgementBlock.lines });
  else theme.description.push(flat);
}

function closeSections(themes: ThemeBuilder[], end: number): void {
  for (const theme of themes) {
    if (theme.sectionEnd < 0) theme.sectionEnd = end;
    closeSections(theme.children, theme.sectionEnd);
  }
}

function freeze(theme: ThemeBuilder, lines: LineIndex, problems: LineProblem[]): Theme {
  const { finding, cerqual, contrary } = themeJudgement(theme.judgementItems, theme.title, theme.description[0] ?? '', problems);
  return {
    path: theme.path,
    title: theme.title,
    depth: theme.depth,
    description: theme.description.join('\n\n'),
    finding,
    cerqual,
    contrary,
    color: theme.color,
    ...(theme.kind ? { kind: theme.kind } : {}),
    ...(theme.relations.length > 0 ? { relations: theme.relations } : {}),
    codes: theme.codes,
    children: theme.children.map((child) => freeze(child, lines, problems)),
    range: lines.span(lines.lineStart(lines.lineAt(theme.headingStart)), theme.headingEnd),
    titleRange: lines.span(theme.headingStart, theme.titleEnd),
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
