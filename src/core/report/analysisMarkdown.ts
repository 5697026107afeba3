/**
 * The report's "Analysis across studies" section as mdast: the thematic map, coded
 * segments per study and theme, contributing studies per theme and perspective, the
 * codes most often applied together and code frequencies — each table with its figure.
 * The Markdown report shows the thematic map as a Mermaid diagram (`mermaidMap`).
 */
import type { Code, Root, RootContent } from 'mdast';
import { matrixTable } from '../analysis/analysisTables';
import { figureBlocks } from './figures';
import { heading, inlineCode, paragraph, strong, table, text } from './mdast';
import type { ReportAnalysis } from './reportAnalysis';
import type { ReportModel } from './reportModel';
import { thematicMapMermaid } from './thematicMap';
import { plural } from './wording';

/** The section, or nothing when the codebook has no themes and no code is applied. */
export function analysisSection(model: ReportModel): RootContent[] {
  const { analysis } = model;
  const figure = (id: string): RootContent[] => {
    const number = model.figures.findIndex((candidate) => candidate.id === id);
    return number < 0 ? [] : figureBlocks(model.figures[number], number + 1);
  };
  const out: RootContent[] = [heading(2, text('Analysis across studies'))];
  if (analysis.map.length > 0) out.push(heading(3, text('Thematic map')), paragraph(text('Themes, their sub-themes and codes; the number is the coded segments of each, sub-themes included.')), ...figure('thematic-map'));
  out.push(...studyThemeBlocks(analysis), ...figure('studies-themes'));
  if (analysis.byAttribute) {
    const { attribute, matrix } = analysis.byAttribute;
    out.push(
      heading(3, text(`Themes × ${attribute}`)),
      paragraph(text(`Studies contributing to each theme, by `), inlineCode(attribute), text(` (n: studies in the group). A study that gives several values counts under each; the total counts it once.`)),
      table(matrixTable(matrix)[0], matrixTable(matrix).slice(1)),
      ...figure('themes-by-attribute'),
    );
  }
  out.push(...pairBlocks(analysis));
  if (analysis.frequencies.some((code) => code.segments > 0)) out.push(heading(3, text('Code frequencies')), ...figure('code-frequencies'));
  return out;
}

function studyThemeBlocks(analysis: ReportAnalysis): RootContent[] {
  const matrix = analysis.studyThemes;
  if (matrix.columns.length === 0) return [];
  const totals = (count: (column: number) => number): string[] => matrix.columns.map((_, column) => String(count(column)));
  return [
    heading(3, text('Studies × themes')),
    paragraph(text('Coded segments each study contributes to each theme (its sub-themes included); blank: none.')),
    table(['Study', ...matrix.columns], [
      ...matrix.rows.map((row) => [row.citation, ...row.cells.map((count) => (count > 0 ? String(count) : ''))]),
      [[strong('Studies')], ...totals((column) => matrix.rows.filter((row) => row.cells[column] > 0).length)],
      [[strong('Segments')], ...totals((column) => matrix.rows.reduce((sum, row) => sum + row.cells[column], 0))],
    ]),
  ];
}

function pairBlocks(analysis: ReportAnalysis): RootContent[] {
  const out: RootContent[] = [heading(3, text('Codes applied together'))];
  if (analysis.pairs.length === 0) return [...out, paragraph(text('No two codes are applied to the same passage.'))];
  out.push(
    paragraph(
      text(`The ${plural(analysis.pairs.length, 'pair')} of codes most often applied to the same passage (a coded segment with the segments nested in it), of ${plural(analysis.passages, 'coded passage')}. c = n12 / (n1 + n2 − n12): the share of the passages holding either code that hold both. `),
      inlineCode('qualsynth cooccurrence'),
      text(' lists every pair, by passage, block or study.'),
    ),
    table(['Codes', 'Passages with both', 'c', 'Studies'], analysis.pairs.map((pair) => [[inlineCode(`#${pair.a}`), text(' + '), inlineCode(`#${pair.b}`)], String(pair.count), pair.coefficient.toFixed(2), pair.studies.join('; ')])),
  );
  return out;
}

/** The Markdown report shows the thematic map as a Mermaid diagram: its figure's image becomes the diagram. */
export function mermaidMap(tree: Root, model: ReportModel): Root {
  const isMapImage = (node: RootContent): boolean => node.type === 'paragraph' && node.children.length === 1 && node.children[0].type === 'image' && node.children[0].url === 'thematic-map.svg';
  const diagram: Code = { type: 'code', lang: 'mermaid', value: thematicMapMermaid(model.analysis.map) };
  return { ...tree, children: tree.children.map((node) => (isMapImage(node) ? diagram : node)) };
}
