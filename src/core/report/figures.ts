/**
 * Figures of the report: a drawing (SVG, as a hast tree so its text is escaped by the
 * serialiser) with a caption and a text alternative. Markdown links the figure's SVG
 * file, HTML inlines the drawing, Word embeds it as an image (SVG with a PNG fallback).
 */
import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import type { BlockContent } from 'mdast';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { paragraph, text } from './mdast';

/** One figure of the report. */
export interface ReportFigure {
  /** Stable name, also the file stem: `prisma-flow`. */
  readonly id: string;
  /** The SVG file written beside the report: `prisma-flow.svg`. */
  readonly file: string;
  /** "Figure 1. …" is added by the renderers; this is the rest. */
  readonly caption: string;
  /** A full text alternative: everything the drawing says, in sentences. */
  readonly alt: string;
  /** Size of the drawing in CSS pixels (its viewBox). */
  readonly width: number;
  readonly height: number;
  /** The `<svg>` element. */
  readonly svg: Element;
}

/** An SVG element with attributes (hast property names; `undefined` leaves one out) and children. */
export function svgElement(tagName: string, attributes: Readonly<Record<string, string | number | undefined>>, children: ElementContent[] = []): Element {
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(attributes)) if (value !== undefined) properties[name] = String(value);
  return { type: 'element', tagName, properties: properties as Properties, children };
}

/** The figures' font size and the width of one character at it (sizes come from character counts, not font metrics). */
export const FIGURE_FONT = 12;
export const FIGURE_CHAR = 6.8;

/**
 * A figure drawn on a white page of `width` × `height`: the `<svg>` with its role, its
 * caption as `<title>` and aria-label, and its text alternative as `<desc>`.
 */
export function drawnFigure(id: string, caption: string, alt: string, width: number, height: number, shapes: ElementContent[]): ReportFigure {
  const svg = svgElement('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', ariaLabel: caption, fontFamily: "'DejaVu Sans', Arial, Helvetica, sans-serif", fontSize: FIGURE_FONT }, [
    svgElement('title', {}, [svgText(caption)]),
    svgElement('desc', {}, [svgText(alt)]),
    svgElement('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
    ...shapes,
  ]);
  return { id, file: `${id}.svg`, caption, alt, width, height, svg };
}

/** A text node for SVG content. */
export function svgText(value: string): ElementContent {
  return { type: 'text', value };
}

/** The figure as a standalone SVG file (XML, `\n` at the end). */
export function figureSvg(figure: ReportFigure): string {
  const tree = { type: 'root' as const, children: [figure.svg] };
  const xml = unified().use(rehypeStringify, { space: 'svg', closeEmptyElements: true, tightSelfClosing: false }).stringify(tree);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
}

/** The figure's number and caption: `Figure 1. PRISMA 2020 flow diagram …`. */
export function figureTitle(figure: ReportFigure, number: number): string {
  return `Figure ${number}. ${figure.caption}`;
}

/** The Markdown of a figure: the image (its file, its text alternative) and the caption. */
export function figureBlocks(figure: ReportFigure, number: number): BlockContent[] {
  return [paragraph({ type: 'image', url: figure.file, alt: figure.alt, title: figureTitle(figure, number) }), paragraph(text(figureTitle(figure, number)))];
}

/**
 * Replaces each `<img>` of a figure's file in a (sanitised) HTML tree by the figure's
 * drawing, inline: the page stays one file, and the SVG is ours, never study text.
 */
export function inlineFigures(tree: HastRoot, figures: readonly ReportFigure[]): void {
  if (figures.length === 0) return;
  const byFile = new Map(figures.map((figure) => [figure.file, figure]));
  const visit = (node: HastRoot | Element): void => {
    node.children.forEach((child, index) => {
      if (child.type !== 'element') return;
      const figure = child.tagName === 'img' ? byFile.get(String(child.properties.src ?? '')) : undefined;
      if (figure) node.children[index] = figure.svg;
      else visit(child);
    });
  };
  visit(tree);
}
