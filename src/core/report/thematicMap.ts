/**
 * The thematic map: themes → sub-themes → codes, each with its segment count, drawn
 * left to right as a tree (SVG for HTML and Word) and written as a Mermaid flowchart
 * for the Markdown report, which GitHub renders in a pull request.
 */
import type { ElementContent } from 'hast';
import { drawnFigure, FIGURE_CHAR, svgElement, svgText, type ReportFigure } from './figures';
import { shortLabel } from './heatMapFigure';

const CHAR = FIGURE_CHAR;
const BOX_H = 24;
const GAP_Y = 8;
const GAP_X = 36;
const PAD = 10;

/** A node of the map: a theme (with children) or a code (a leaf). */
export interface MapNode {
  readonly label: string;
  readonly kind: 'theme' | 'code';
  readonly segments: number;
  readonly children: readonly MapNode[];
}

const nodeText = (node: MapNode): string => `${node.kind === 'code' ? '#' : ''}${shortLabel(node.label)} (${node.segments})`;

/** The map as a figure; the text alternative is the tree in sentences. */
export function thematicMapFigure(roots: readonly MapNode[]): ReportFigure {
  const depth = (node: MapNode): number => 1 + Math.max(0, ...node.children.map(depth));
  const levels = Math.max(1, ...roots.map(depth));
  const columnWidth = new Array<number>(levels).fill(0);
  const measure = (node: MapNode, level: number): void => {
    columnWidth[level] = Math.max(columnWidth[level], nodeText(node).length * CHAR + 2 * PAD);
    node.children.forEach((child) => measure(child, level + 1));
  };
  roots.forEach((root) => measure(root, 0));
  const columnX = columnWidth.map((_, level) => PAD + columnWidth.slice(0, level).reduce((sum, w) => sum + w + GAP_X, 0));
  const shapes: ElementContent[] = [];
  let nextY = PAD;
  /** Lays out a subtree (leaves one under another, parents centred on their children); returns its box's centre y. */
  const place = (node: MapNode, level: number): number => {
    const centres = node.children.map((child) => place(child, level + 1));
    const centre = centres.length > 0 ? (centres[0] + centres[centres.length - 1]) / 2 : (nextY += BOX_H + GAP_Y) - GAP_Y - BOX_H / 2;
    const x = columnX[level];
    for (const childCentre of centres) {
      const fromX = x + columnWidth[level];
      const toX = columnX[level + 1];
      shapes.push(svgElement('path', { d: `M${fromX},${centre} C${fromX + GAP_X / 2},${centre} ${toX - GAP_X / 2},${childCentre} ${toX},${childCentre}`, fill: 'none', stroke: '#8a8a8a', strokeWidth: 1 }));
    }
    const theme = node.kind === 'theme';
    shapes.push(
      svgElement('rect', { x, y: centre - BOX_H / 2, width: columnWidth[level], height: BOX_H, rx: theme ? 4 : 12, fill: theme ? '#1d3557' : '#ffffff', stroke: '#1d3557', strokeWidth: 1 }),
      svgElement('text', { x: x + PAD, y: centre + 4, fill: theme ? '#ffffff' : '#1b1b1b', fontWeight: theme && level === 0 ? 'bold' : undefined }, [svgText(nodeText(node))]),
    );
    return centre;
  };
  roots.forEach((root) => place(root, 0));
  const width = columnX[levels - 1] + columnWidth[levels - 1] + PAD;
  const height = nextY + PAD;
  const caption = 'Thematic map: themes, sub-themes and codes, with their coded segments.';
  const alt = `Thematic map. ${roots.map(sentence).join(' ')}`;
  return drawnFigure('thematic-map', caption, alt, width, height, shapes);
}

/** `Theme (12 segments): sub-theme A (…), #code (3).` */
function sentence(node: MapNode): string {
  const own = `${node.kind === 'code' ? '#' : ''}${node.label} (${node.segments} segments)`;
  return node.children.length === 0 ? `${own}.` : `${own} holds ${node.children.map((child) => sentence(child).replace(/\.$/, '')).join('; ')}.`;
}

/** The map as a Mermaid flowchart (left to right); labels quoted, their quotes and brackets as entities. */
export function thematicMapMermaid(roots: readonly MapNode[]): string {
  const lines = ['flowchart LR'];
  let counter = 0;
  const visit = (node: MapNode, parent?: string): void => {
    const id = `n${++counter}`;
    const label = nodeText(node).replace(/[#"<>&[\]{}|]/g, (char) => `#${char.charCodeAt(0)};`);
    lines.push(node.kind === 'theme' ? `  ${id}["${label}"]` : `  ${id}(["${label}"])`);
    if (parent) lines.push(`  ${parent} --> ${id}`);
    node.children.forEach((child) => visit(child, id));
  };
  roots.forEach((root) => visit(root));
  return lines.join('\n');
}
