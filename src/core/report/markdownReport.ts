/**
 * Renders the report model as an mdast tree, serialised to GFM Markdown by
 * remark-stringify (and to HTML by `htmlReport.ts`), so every piece of study text is
 * escaped by the serialiser rather than pasted into Markdown by hand.
 */
import type { PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { analysisSection, mermaidMap } from './analysisMarkdown';
import { emergeSection } from './emergeMarkdown';
import { evidenceProfileSections, summaryOfFindingsSection } from './findingsMarkdown';
import { blockquote, bulletList, emphasis, heading, inlineCode, link, paragraph, prose, strong, table, text } from './mdast';
import { protocolSection } from './protocolSection';
import { referencesSection } from './referenceList';
import { sectionAnchors } from './sectionAnchors';
import { memoBlocks, synthesisSection, themeKindNote } from './memoMarkdown';
import { translationSection } from './translationMarkdown';
import type { Excerpt, ReportCode, ReportModel, ReportTheme } from './reportModel';
import { methodName, plural } from './wording';

/** Builds the report as an mdast tree. */
export function reportTree(model: ReportModel): Root {
  return { type: 'root', children: [heading(1, text(model.title)), ...titleFields(model).map((children) => paragraph(...children)), ...reportBody(model)] };
}

/** The report after its title block: every section (the Word report puts the title block on a page of its own). */
export function reportBody(model: ReportModel): RootContent[] {
  const body: RootContent[] = [
    ...summaryOfFindingsSection(model.findings),
    ...protocolSection(model),
    ...studiesSection(model),
    ...appraisalSection(model),
      heading(2, text('Themes')),
    ...(model.themes.length > 0 ? model.themes.flatMap(themeSection) : [paragraph(emphasis('The codebook has no themes yet: headings in the codebook are themes.'))]),
    ...translationSection(model.translation),
    ...synthesisSection(model.synthesis),
    ...uncategorisedSection(model),
    ...analysisSection(model),
    ...evidenceProfileSections(model.findings),
    ...referencesSection(model.references),
    ...entreqSection(model),
  ];
  // Last, so it can link every section before it by the anchor the HTML gives it.
  return [...body, ...emergeSection(model.emerge, sectionAnchors(body))];
}

/** Serialises the report as GFM Markdown (always `\n` line endings). */
export function renderMarkdown(model: ReportModel): string {
  return unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, { bullet: '-', emphasis: '_', strong: '*', fences: true, rule: '-' }).stringify(mermaidMap(reportTree(model), model));
}

/** The lines under the title: question, method, reviewers, registration, filter, date and counts. */
export function titleFields(model: ReportModel): PhrasingContent[][] {
  const out: PhrasingContent[][] = [];
  const field = (label: string, value: string): void => void out.push([strong(`${label}:`), text(` ${value}`)]);
  if (model.question) field('Review question', model.question);
  if (model.method) field('Method', methodName(model.method));
  if (model.reviewers.length > 0) field('Reviewers', model.reviewers.join(', '));
  if (model.protocol?.registration) field('Registration', model.protocol.registration);
  if (model.filter) {
    out.push([strong('Filter:'), text(' '), inlineCode(model.filter.text), text(` — ${model.filter.kept} of ${plural(model.filter.total, 'study', 'studies')}; every count, table and excerpt below is restricted to them.`)]);
  }
  if (model.timestamp) field('Generated', model.timestamp);
  const { counts } = model;
  const codes = counts.appliedCodes === counts.codes ? plural(counts.codes, 'code') : `${plural(counts.codes, 'code')} (${counts.appliedCodes} applied)`;
  out.push([text(`${plural(counts.studies, 'study', 'studies')} · ${plural(counts.themes, 'theme')}${themeKindNote(counts.themeKinds)} · ${codes} · ${plural(counts.segments, 'coded segment')} (${counts.firstOrder} first-order, ${counts.secondOrder} second-order)${counts.memos > 0 ? ` · ${plural(counts.memos, 'memo')}` : ''}.`)]);
  return out;
}

function studiesSection(model: ReportModel): RootContent[] {
  const columns = model.columns.map(columnTitle);
  return [heading(2, text('Included studies')), table(['Study', ...columns], model.studies.map((study) => [study.citation, ...study.cells]))];
}

function appraisalSection(model: ReportModel): RootContent[] {
  const appraisal = model.appraisal;
  if (!appraisal) return [];
  const key = appraisal.questions.map((question) => [strong(question.label), text(` — ${question.question}`)]);
  return [
    heading(2, text('Quality appraisal (CASP)')),
    paragraph(text('✓ yes · ✗ no · ? can’t tell · blank: not answered.')),
    table(['Study', ...appraisal.columns], appraisal.rows.map((row) => [row.citation, ...row.cells])),
    bulletList(key),
  ];
}

function themeSection(theme: ReportTheme): RootContent[] {
  const depth = theme.level + 2;
  const out: RootContent[] = [heading(depth, text(theme.title))];
  for (const description of theme.description) out.push(paragraph(text(description)));
  const kind = theme.kind ? `${theme.kind.charAt(0).toUpperCase()}${theme.kind.slice(1)} ${theme.kind === 'concept' ? '' : 'theme '}· ` : '';
  out.push(paragraph(emphasis(`${kind}${plural(theme.studyCount, 'contributing study', 'contributing studies')} · ${plural(theme.segmentCount, 'coded segment')}.`)));
  for (const code of theme.codes) out.push(...codeSection(code, depth + 1));
  out.push(...memoBlocks(theme.memos));
  for (const child of theme.children) out.push(...themeSection(child));
  return out;
}

function uncategorisedSection(model: ReportModel): RootContent[] {
  if (model.uncategorised.length === 0) return [];
  return [
    heading(2, text('Uncategorised codes')),
    paragraph(text('Codes used in studies but not yet filed under a theme in the codebook.')),
    ...model.uncategorised.flatMap((code) => codeSection(code, 3)),
  ];
}

function codeSection(code: ReportCode, depth: number): RootContent[] {
  const out: RootContent[] = [heading(depth, inlineCode(`#${code.name}`))];
  const counts =
    code.segmentCount === 0
      ? 'Not applied in any study.'
      : `${plural(code.segmentCount, 'segment')} from ${plural(code.studyCount, 'study', 'studies')} (${code.firstOrder} first-order, ${code.secondOrder} second-order).`;
  out.push(paragraph(...(code.definition ? [strong('Definition:'), text(` ${code.definition} `)] : [emphasis('Not defined in the codebook.'), text(' ')]), text(counts)));
  const first = code.excerpts.filter((excerpt) => excerpt.order === 'first');
  const second = code.excerpts.filter((excerpt) => excerpt.order === 'second');
  if (first.length > 0) out.push(paragraph(strong('Participants’ words (first order):')), ...first.map((excerpt) => blockquote(...excerptContent(excerpt))));
  if (second.length > 0) out.push(paragraph(strong('Authors’ interpretations (second order):')), bulletList(second.map(excerptContent)));
  if (code.omitted > 0) out.push(paragraph(emphasis(`${plural(code.omitted, 'more segment')} not quoted.`)));
  out.push(...memoBlocks(code.memos));
  return out;
}

/** The passage, then "(Author Year, [path:line](link))", then the span's memo, marked as the reviewers'. */
export function excerptContent(excerpt: Excerpt): PhrasingContent[] {
  const memo: PhrasingContent[] = excerpt.memo ? [text(' — '), emphasis(`Reviewers’ memo: ${excerpt.memo}`)] : [];
  return [...quoted(excerpt), text(` (${excerpt.citation}, `), link(excerpt.link, excerpt.location), text(')'), ...memo];
}

/** The quoted text: in its sentence or paragraph, an ellipsis where it is cut, the coded words emphasised. */
function quoted(excerpt: Excerpt): PhrasingContent[] {
  const context = excerpt.context;
  if (!context) return [text(excerpt.text)];
  const lead = `${context.cutBefore ? '… ' : ''}${context.lead}`;
  const trail = `${context.trail}${context.cutAfter ? ' …' : ''}`;
  return [...(lead ? [text(lead)] : []), emphasis(context.coded), ...(trail ? [text(trail)] : [])];
}

function entreqSection(model: ReportModel): RootContent[] {
  const rows = model.entreq.map((item) => {
    const content: PhrasingContent[] = prose(item.filled);
    if (item.prompt) content.push(...(item.filled ? [text(' ')] : []), emphasis('To complete:'), text(' '), ...prose(item.prompt));
    return [String(item.number), item.name, content];
  });
  return [
    heading(2, text('ENTREQ checklist')),
    paragraph(text('Enhancing transparency in reporting the synthesis of qualitative research (Tong et al. 2012). Items marked '), emphasis('To complete:'), text(' need the authors’ own account.')),
    table(['No.', 'Item', 'Reported in this review'], rows),
  ];
}

/** `data-collection` → `Data collection`. */
function columnTitle(column: string): string {
  return column.charAt(0).toUpperCase() + column.slice(1).replace(/[-_]/g, ' ');
}
