/** A horizontal bar chart figure (code frequencies): a label, a bar and its count per row. */
import type { ElementContent } from 'hast';
import { drawnFigure, FIGURE_CHAR, svgElement, svgText, type ReportFigure } from './figures';
import { shortLabel } from './heatMapFigure';

const CHAR = FIGURE_CHAR;
const BAR_H = 16;
const ROW_H = 22;
const PAD = 10;
const BAR_MAX = 320;

/** One bar: its label, length and what the text alternative says of it. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  /** `12 segments in 5 studies`. */
  readonly description: string;
}

/** The bars as a figure; the text alternative lists every bar. */
export function barChartFigure(id: string, caption: string, bars: readonly Bar[]): ReportFigure {
  const labels = bars.map((bar) => shortLabel(bar.label));
  const labelWidth = Math.ceil(Math.max(1, ...labels.map((label) => label.length)) * CHAR) + PAD;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const left = PAD + labelWidth;
  const width = left + BAR_MAX + 8 * CHAR + PAD;
  const height = 2 * PAD + bars.length * ROW_H;
  const shapes: ElementContent[] = bars.flatMap((bar, row) => {
    const y = PAD + row * ROW_H;
    const length = Math.max(bar.value > 0 ? 1 : 0, Math.round((bar.value / max) * BAR_MAX));
    return [
      svgElement('text', { x: left - 6, y: y + BAR_H / 2 + 4, textAnchor: 'end' }, [svgText(labels[row])]),
      svgElement('rect', { x: left, y, width: length, height: BAR_H, fill: '#1d3557' }),
      svgElement('text', { x: left + length + 4, y: y + BAR_H / 2 + 4 }, [svgText(String(bar.value))]),
    ];
  });
  const alt = `Bar chart. ${bars.map((bar) => `${bar.label}: ${bar.description}.`).join(' ')}`;
  return drawnFigure(id, caption, alt, width, height, shapes);
}
