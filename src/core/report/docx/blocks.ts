/**
 * The report's block tree (the mdast the Markdown and HTML are made from) as Word
 * content: headings in Word's heading styles, real tables with a repeated header row,
 * participants' words in the Quote style, bullet lists, figures as images with their
 * text alternative and a caption, links kept (a `#anchor` link to the heading's bookmark).
 */
import {
  Bookmark,
  ExternalHyperlink,
  HeadingLevel,
  ImageRun,
  InternalHyperlink,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { BlockContent, Heading, List, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import type { ReportFigure } from '../figures';
import { isReferenceEntry } from '../referenceList';
import { bookmarkName, linkedHeadings } from './bookmarks';
import { STYLE, TEXT_WIDTH } from './docxStyles';

/** A figure ready for Word: its drawing and the PNG shown where SVG is not. */
export interface DocxFigure {
  readonly figure: ReportFigure;
  readonly svg: Uint8Array;
  readonly png: Uint8Array;
}

/** Converts blocks; `figures` by file name, `headingOffset` lowers heading depths (the title is on its own page). */
export class BlockWriter {
  /** The headings the blocks link to, with their bookmark names. */
  private bookmarks: ReadonlyMap<Heading, string> = new Map();

  constructor(private readonly figures: ReadonlyMap<string, DocxFigure>, private readonly headingOffset = 1) {}

  blocks(nodes: readonly RootContent[]): Array<Paragraph | Table> {
    this.bookmarks = linkedHeadings(nodes);
    const out: Array<Paragraph | Table> = [];
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index];
      const figure = this.figureOf(node);
      if (figure) {
        out.push(this.figureParagraph(figure));
        const next = nodes[index + 1];
        if (next?.type === 'paragraph') {
          out.push(new Paragraph({ style: STYLE.caption, children: inline(next.children) }));
          index++;
        }
        continue;
      }
      out.push(...this.block(node));
    }
    return out;
  }

  private block(node: RootContent): Array<Paragraph | Table> {
    switch (node.type) {
      case 'heading':
        return [this.heading(node)];
      case 'paragraph':
        return [new Paragraph({ ...(isReferenceEntry(node) ? { style: STYLE.reference } : {}), children: inline(node.children) })];
      case 'blockquote':
        return node.children.flatMap((child) => (child.type === 'paragraph' ? [new Paragraph({ style: STYLE.quote, children: inline(child.children) })] : this.block(child)));
      case 'list':
        return this.list(node, 0);
      case 'table':
        return [table(node)];
      case 'code':
        return [new Paragraph({ children: [new TextRun({ text: node.value, font: 'Consolas' })] })];
      default:
        return [];
    }
  }

  private heading(node: Heading): Paragraph {
    const level = Math.min(6, Math.max(1, node.depth - this.headingOffset));
    const headings = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];
    const bookmark = this.bookmarks.get(node);
    return new Paragraph({ heading: headings[level - 1], children: bookmark ? [new Bookmark({ id: bookmark, children: inline(node.children) })] : inline(node.children) });
  }

  private list(node: List, level: number): Paragraph[] {
    return node.children.flatMap((item) =>
      item.children.flatMap((child: BlockContent | RootContent) => {
        if (child.type === 'list') return this.list(child, level + 1);
        if (child.type === 'paragraph') return [new Paragraph({ bullet: { level }, children: inline(child.children) })];
        return this.block(child) as Paragraph[];
      }),
    );
  }

  private figureOf(node: RootContent): DocxFigure | undefined {
    if (node.type !== 'paragraph' || node.children.length !== 1 || node.children[0].type !== 'image') return undefined;
    return this.figures.get(node.children[0].url);
  }

  private figureParagraph({ figure, svg, png }: DocxFigure): Paragraph {
    const width = Math.min(figure.width, Math.floor(TEXT_WIDTH / 15));
    const height = Math.round((figure.height * width) / figure.width);
    const image = new ImageRun({
      type: 'svg',
      data: svg,
      fallback: { type: 'png', data: png },
      transformation: { width, height },
      altText: { name: figure.id, title: figure.caption, description: figure.alt },
    });
    return new Paragraph({ keepNext: true, children: [image] });
  }
}

type Marks = { readonly bold?: boolean; readonly italics?: boolean };

/** Phrasing content as runs and hyperlinks. */
export function inline(nodes: readonly PhrasingContent[], marks: Marks = {}): ParagraphChild[] {
  return nodes.flatMap((node): ParagraphChild[] => {
    switch (node.type) {
      case 'text':
        return [new TextRun({ text: node.value, ...marks })];
      case 'strong':
        return inline(node.children, { ...marks, bold: true });
      case 'emphasis':
        return inline(node.children, { ...marks, italics: true });
      case 'inlineCode':
        return [new TextRun({ text: node.value, font: 'Consolas', ...marks })];
      case 'link': {
        const children = [new TextRun({ text: textOf(node.children), style: 'Hyperlink', ...marks })];
        return [node.url.startsWith('#') ? new InternalHyperlink({ anchor: bookmarkName(node.url.slice(1)), children }) : new ExternalHyperlink({ link: node.url, children })];
      }
      case 'break':
        return [new TextRun({ text: '', break: 1 })];
      case 'image':
        return [new TextRun({ text: node.alt ?? '', ...marks })];
      default:
        return [];
    }
  });
}

/** A Word table: header row repeated on every page and shaded, columns sized by their text. */
function table(node: MdTable): Table {
  const rows = node.children.map((row) => row.children.map((cell) => cell.children));
  const widths = columnWidths(rows);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: rows.map(
      (cells, index) =>
        new TableRow({
          tableHeader: index === 0,
          cantSplit: true,
          children: cells.map(
            (content, column) =>
              new TableCell({
                width: { size: widths[column], type: WidthType.DXA },
                ...(index === 0 ? { shading: { type: ShadingType.CLEAR, fill: 'E7ECF3', color: 'auto' } } : {}),
                children: [new Paragraph({ style: STYLE.tableText, children: inline(content, index === 0 ? { bold: true } : {}) })],
              }),
          ),
        }),
    ),
  });
}

/** Twips per character of 9-point table text, and a cell's padding. */
const CHAR_TWIPS = 130;
const CELL_PADDING = 230;

/**
 * Column widths in twips: each column at least as wide as its longest word (so "2004"
 * and "Participants" never break), the rest of the width shared by how much text each
 * column has beyond that.
 */
function columnWidths(rows: ReadonlyArray<ReadonlyArray<readonly PhrasingContent[]>>): number[] {
  const columns = Math.max(...rows.map((row) => row.length));
  const texts = Array.from({ length: columns }, (_, column) => rows.map((row) => textOf(row[column] ?? [])));
  const minimum = texts.map((cells) => Math.min(TEXT_WIDTH / 3, CELL_PADDING + CHAR_TWIPS * Math.max(2, ...cells.flatMap((cell) => cell.split(/\s+/).map((word) => word.length)))));
  const extra = texts.map((cells, column) => Math.max(0, Math.max(...cells.map((cell) => cell.length)) * CHAR_TWIPS + CELL_PADDING - minimum[column]));
  const floor = minimum.reduce((sum, width) => sum + width, 0);
  const spare = TEXT_WIDTH - floor;
  const totalExtra = extra.reduce((sum, width) => sum + width, 0);
  const widths = spare <= 0 ? minimum.map((width) => Math.floor((width * TEXT_WIDTH) / floor)) : minimum.map((width, column) => Math.floor(width + (totalExtra > 0 ? (spare * extra[column]) / totalExtra : spare / columns)));
  widths[0] += TEXT_WIDTH - widths.reduce((sum, width) => sum + width, 0);
  return widths;
}

function textOf(nodes: readonly PhrasingContent[]): string {
  return nodes.map((node) => ('value' in node ? node.value : 'children' in node ? textOf(node.children as PhrasingContent[]) : '')).join('');
}
