/**
 * Renders the report model as Markdown: an mdast tree serialised by remark-stringify
 * with GFM tables, so every piece of study text is escaped by the serialiser rather
 * than pasted into Markdown by hand.
 */
import type { BlockContent, Heading, PhrasingContent, Root, RootContent, Table, TableCell } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { Excerpt, ReportCode, ReportModel, ReportTheme } from './reportModel';

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const strong = (value: string): PhrasingContent => ({ type: 'strong', children: [text(value)] });
const emphasis = (value: string): PhrasingContent => ({ type: 'emphasis', children: [text(value)] });
const paragraph = (...children: PhrasingContent[]): BlockContent => ({ type: 'paragraph', children });
const heading = (depth: number, value: string): Heading => ({ type: 'heading', depth: Math.min(6, Math.max(1, depth)) as Heading['depth'], children: [text(value)] });
const cell = (value: string | PhrasingContent[]): TableCell => ({ type: 'tableCell', children: typeof value === 'string' ? [text(value)] : value });

function table(header: string[], rows: Array<Array<string | PhrasingContent[]>>): Table {
  return {
    type: 'table',
    align: header.map(() => null),
    children: [header, ...rows].map((row) => ({ type: 'tableRow', children: row.map(cell) })),
  };
}

const CASP_SYMBOL: Record<string, string> = { yes: '✓', no: '✗', 'cant-tell': '?', "can't tell": '?' };

/** Builds the report as an mdast tree. */
export function reportTree(model: ReportModel): Root {
  const children: RootContent[] = [heading(1, model.title)];
  if (model.question) children.push(paragraph(strong('Review question:'), text(` ${model.question}`)));
  if (model.method) children.push(paragraph(strong('Method:'), text(` ${model.method}`)));
  if (model.reviewers.length > 0) children.push(paragraph(strong('Reviewers:'), text(` ${model.reviewers.join(', ')}`)));
  const { counts } = model;
  children.push(
    paragraph(
      text(`${plural(counts.studies, 'study', 'studies')} · ${plural(counts.themes, 'theme')} · ${plural(counts.codes, 'code')} · ${plural(counts.segments, 'coded segment')} (${counts.firstOrder} first-order, ${counts.secondOrder} second-order).`),
    ),
  );
  children.push(heading(2, 'Included studies'), table(model.columns.map(columnTitle), model.studies.map((study) => [...study.cells])));
  if (model.caspQuestions.length > 0) {
    children.push(
      heading(2, 'Quality appraisal (CASP)'),
      paragraph(text('✓ yes · ✗ no · ? can’t tell')),
      table(['Study', ...model.caspQuestions], model.studies.map((study) => [study.citation, ...model.caspQuestions.map((question) => caspCell(study.casp?.[question]))])),
    );
  }
  children.push(heading(2, 'Themes'));
  for (const theme of model.themes) children.push(...themeSection(theme, 3));
  if (model.uncategorised.length > 0) {
    children.push(heading(2, 'Uncategorised codes'), paragraph(text('Codes used in studies but not yet filed under a theme in the codebook.')));
    for (const code of model.uncategorised) children.push(...codeSection(code, 3));
  }
  children.push(
    heading(2, 'Studies × themes'),
    table(['Study', ...model.matrix.themes], model.matrix.rows.map((row) => [row.citation, ...row.cells.map((present) => (present ? '●' : ''))])),
  );
  children.push(
    heading(2, 'Summary of qualitative findings (GRADE-CERQual)'),
    table(['Review finding', 'Contributing studies', 'CERQual confidence', 'Explanation'], model.cerqual.map((row) => [row.finding, row.studies.join('; '), row.confidence, row.explanation])),
  );
  return { type: 'root', children };
}

function themeSection(theme: ReportTheme, depth: number): RootContent[] {
  const out: RootContent[] = [heading(depth, theme.title)];
  if (theme.description) out.push(paragraph(text(theme.description)));
  out.push(paragraph(emphasis(`${plural(theme.studyCount, 'contributing study', 'contributing studies')}.`)));
  for (const code of theme.codes) out.push(...codeSection(code, depth + 1));
  for (const child of theme.children) out.push(...themeSection(child, depth + 1));
  return out;
}

function codeSection(code: ReportCode, depth: number): RootContent[] {
  const out: RootContent[] = [heading(depth, `#${code.name}`)];
  const count = `${plural(code.segmentCount, 'segment')} from ${plural(code.studyCount, 'study', 'studies')}.`;
  out.push(paragraph(...(code.definition ? [emphasis(code.definition), text(' ')] : []), text(count)));
  for (const excerpt of code.excerpts) out.push(excerptNode(excerpt));
  if (code.omitted > 0) out.push(paragraph(emphasis(`… and ${code.omitted} more.`)));
  return out;
}

/** First-order quotes as block quotes; second-order interpretations as plain paragraphs. */
function excerptNode(excerpt: Excerpt): RootContent {
  const source: PhrasingContent[] = [text(' — '), { type: 'link', url: excerpt.link, children: [text(`${excerpt.citation}, ${excerpt.location}`)] }];
  if (excerpt.order === 'first') {
    return { type: 'blockquote', children: [paragraph(strong('Participant:'), text(` ${excerpt.text}`), ...source)] };
  }
  return { type: 'list', ordered: false, spread: false, children: [{ type: 'listItem', spread: false, children: [paragraph(strong('Authors:'), text(` ${excerpt.text}`), ...source)] }] };
}

/** `1 study`, `2 studies`. */
function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function caspCell(answer: string | undefined): string {
  if (answer === undefined) return '';
  return CASP_SYMBOL[answer.toLowerCase()] ?? answer;
}

function columnTitle(column: string): string {
  return column.charAt(0).toUpperCase() + column.slice(1).replace(/[-_]/g, ' ');
}

/** Serialises the report as GFM Markdown (always `\n` line endings). */
export function renderMarkdown(model: ReportModel): string {
  return unified().use(remarkGfm).use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-' }).stringify(reportTree(model));
}
