/**
 * The report as a Word document (.docx), built with the npm package `docx` from the
 * report model and the same block tree the Markdown and HTML come from: a title page,
 * a table of contents field, the sections in Word's heading styles, real tables,
 * participants' words as block quotes with their citations, figures as SVG images with
 * a PNG fallback and their text alternative, page numbers in the footer. Packed
 * byte-identically for the same review (see docxPackage.ts).
 */
import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageBreak, PageNumber, Paragraph, TableOfContents, TextRun, type ISectionOptions } from 'docx';
import type { Heading, RootContent } from 'mdast';
import { figureSvg } from '../figures';
import { reportBody, titleFields } from '../markdownReport';
import type { ReportModel } from '../reportModel';
import { BlockWriter, inline, type DocxFigure } from './blocks';
import { deterministicPackage } from './docxPackage';
import { documentStyles, PAGE, STYLE } from './docxStyles';

/** What the Word renderer needs from its host. */
export interface DocxOptions {
  /** PNG bytes of an SVG drawing (the fallback of each figure), e.g. resvg in Node. */
  rasterise(svg: string): Promise<Uint8Array>;
  /** The software and version written in the document properties. */
  readonly creator?: string;
}

/** Renders the report as .docx bytes. */
export async function renderDocx(model: ReportModel, options: DocxOptions): Promise<Uint8Array> {
  const figures = new Map<string, DocxFigure>();
  for (const figure of model.figures) {
    const svg = figureSvg(figure);
    figures.set(figure.file, { figure, svg: new TextEncoder().encode(svg), png: await options.rasterise(svg) });
  }
  const body = reportBody(model);
  const document = new Document({
    creator: options.creator ?? 'QualSynth',
    title: model.title,
    description: model.question ?? 'Synthesis report',
    styles: documentStyles(),
    features: { updateFields: true },
    sections: [section(model, body, new BlockWriter(figures))],
  });
  return deterministicPackage(new Uint8Array(await Packer.toArrayBuffer(document)), model.timestamp);
}

function section(model: ReportModel, body: readonly RootContent[], writer: BlockWriter): ISectionOptions {
  return {
    properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin } } },
    footers: { default: pageNumberFooter() },
    children: [...titlePage(model), ...contents(body), ...writer.blocks(body)],
  };
}

/** The title, the review's details and counts, then a page break. */
function titlePage(model: ReportModel): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(model.title)] }),
    ...titleFields(model).map((children) => new Paragraph({ style: STYLE.titleMeta, children: inline(children) })),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** A table of contents field, filled with the section headings so it shows before Word updates it. */
function contents(body: readonly RootContent[]): Array<Paragraph | TableOfContents> {
  const headings = body.filter((node): node is Heading => node.type === 'heading' && node.depth <= 3);
  const cachedEntries = headings.map((node) => ({ title: plain(node), level: node.depth - 1 }));
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Contents')] }),
    new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2', cachedEntries: cachedEntries.filter((entry) => entry.level <= 2) }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

function pageNumberFooter(): Footer {
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], size: 18 })] })] });
}

function plain(node: { children?: unknown[]; value?: string }): string {
  if (typeof node.value === 'string') return node.value;
  return (node.children ?? []).map((child) => plain(child as { children?: unknown[]; value?: string })).join('');
}
