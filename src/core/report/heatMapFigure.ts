/**
 * A heat map figure: a table of counts drawn as shaded cells (darker: more), each
 * cell with its number, rows labelled on the left and columns at the top, written at
 * an angle so long labels fit. Deterministic SVG: sizes come from character counts.
 * It always follows a table of the same counts, which is its full text alternative.
 */
import type { ElementContent } from 'hast';
import { drawnFigure, FIGURE_CHAR, FIGURE_FONT, svgElement, svgText, type ReportFigure } from './figures';

const CHAR = FIGURE_CHAR;
const CELL_W = 44;
const CELL_H = 24;
const PAD = 10;
/** Labels longer than this many characters are shortened with an ellipsis. */
const MAX_LABEL = 48;

/** What a heat map shows. */
export interface HeatMap {
  readonly id: string;
  readonly caption: string;
  /** What a cell counts, for the text alternative: `coded segments`. */
  readonly unit: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** `values[row][column]`. */
  readonly values: ReadonlyArray<readonly number[]>;
}

/** The colour of a share (0–1) of the largest count: white to the report's blue. */
export function shade(share: number): string {
  const from = [255, 255, 255];
  const to = [29, 53, 87];
  const mix = from.map((channel, index) => Math.round(channel + (to[index] - channel) * Math.min(1, Math.max(0, share))));
  return `#${mix.map((channel) => channel.toString(16).padStart(2, '0')).join('')}`;
}

/** `label` shortened to `MAX_LABEL` characters. */
export function shortLabel(label: string): string {
  return label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label;
}

/** The heat map as a figure with a text alternative that states every non-zero cell. */
export function heatMapFigure(map: HeatMap): ReportFigure {
  const rowLabels = map.rows.map(shortLabel);
  const columnLabels = map.columns.map(shortLabel);
  const labelWidth = Math.ceil(Math.max(1, ...rowLabels.map((label) => label.length)) * CHAR) + PAD;
  // Column labels at -45°: their height is their length times sin 45°.
  const headerHeight = Math.ceil(Math.max(1, ...columnLabels.map((label) => label.length)) * CHAR * Math.SQRT1_2) + PAD + FIGURE_FONT;
  const left = PAD + labelWidth;
  const top = PAD + headerHeight;
  const width = left + map.columns.length * CELL_W + headerHeight;
  const height = top + map.rows.length * CELL_H + PAD;
  const max = Math.max(1, ...map.values.flat());
  const shapes: ElementContent[] = [];
  columnLabels.forEach((label, column) => {
    const x = left + column * CELL_W + CELL_W / 2;
    const y = top - 6;
    shapes.push(svgElement('text', { x, y, transform: `rotate(-45 ${x} ${y})` }, [svgText(label)]));
  });
  rowLabels.forEach((label, row) => {
    const y = top + row * CELL_H;
    shapes.push(svgElement('text', { x: left - 6, y: y + CELL_H / 2 + 4, textAnchor: 'end' }, [svgText(label)]));
    map.values[row].forEach((value, column) => {
      const x = left + column * CELL_W;
      const share = value / max;
      shapes.push(svgElement('rect', { x, y, width: CELL_W, height: CELL_H, fill: shade(share), stroke: '#cccccc', strokeWidth: 1 }));
      if (value > 0) shapes.push(svgElement('text', { x: x + CELL_W / 2, y: y + CELL_H / 2 + 4, textAnchor: 'middle', fill: share > 0.5 ? '#ffffff' : '#1b1b1b' }, [svgText(String(value))]));
    });
  });
  const alt = heatMapAlt(map);
  return drawnFigure(map.id, map.caption, alt, width, height, shapes);
}

/** The text alternative: what the map shows and its largest cells; the table beside it has every count. */
function heatMapAlt(map: HeatMap): string {
  const cells = map.rows.flatMap((row, r) => map.columns.map((column, c) => ({ row, column, value: map.values[r][c] })));
  const largest = cells.filter((cell) => cell.value > 0).sort((a, b) => b.value - a.value).slice(0, 3);
  const top = largest.length > 0 ? ` Largest: ${largest.map((cell) => `${cell.row} × ${cell.column}, ${cell.value}`).join('; ')}.` : ' Every cell is 0.';
  return `Heat map of ${map.unit} (${map.rows.length} rows × ${map.columns.length} columns), darker for more; the table above gives every count.${top}`;
}
