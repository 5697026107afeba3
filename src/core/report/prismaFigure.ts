/**
 * The PRISMA 2020 flow diagram (Page MJ et al. BMJ 2021;372:n71), drawn from the counts
 * in `qualsynth.yaml`: identification, screening and inclusion of the records from
 * databases and registers, and, when given, a second column for other methods.
 * Deterministic SVG: sizes come from character counts, not from font metrics.
 */
import type { Element, ElementContent } from 'hast';
import type { CountBreakdown, PrismaCounts } from '../protocol/protocol';
import { svgElement, svgText, type ReportFigure } from './figures';

const FONT = 12;
const LINE = 16;
const CHAR = 6.8;
const PAD = 8;
const BOX = 280;
const GAP = 40;
const BAND = 28;
const HEADER = 40;
const ROW_GAP = 30;
/** Rows with a phase label of their own are tall enough for it, written sideways. */
const LABELLED_ROW = 96;

/** A line of a box: text, bold or not. */
interface BoxLine {
  readonly text: string;
  readonly bold?: boolean;
}

/** `1,456`, or `not reported` when absent. */
export function prismaCount(count: number | undefined): string {
  return count === undefined ? 'not reported' : String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `label (n = 12)`, the count held together by no-break spaces so it never wraps apart. */
const n = (label: string, count: number | undefined): BoxLine => ({ text: `${label} (n\u00a0=\u00a0${prismaCount(count).replace(/ /g, '\u00a0')})` });
const heading = (label: string): BoxLine => ({ text: label, bold: true });
const parts = (breakdown: CountBreakdown | undefined): BoxLine[] => (breakdown?.parts ?? []).map((part) => n(`  ${part.label}`, part.count));

/** The flow diagram as a figure, with a text alternative stating every count. */
export function prismaFigure(prisma: PrismaCounts): ReportFigure {
  const other = prisma.otherMethods;
  const columns = other ? 4 : 2;
  const left = BAND + 20;
  const x = (column: number): number => left + column * (BOX + GAP) + (column >= 2 ? GAP : 0);
  const rows: Array<Array<BoxLine[] | undefined>> = [
    [
      [heading('Records identified from:'), n('Databases', prisma.databases?.total), ...parts(prisma.databases), n('Registers', prisma.registers?.total), ...parts(prisma.registers)],
      [heading('Records removed before screening:'), n('Duplicate records removed', prisma.duplicates), n('Records marked as ineligible by automation tools', prisma.automation), n('Records removed for other reasons', prisma.otherRemoved)],
      ...(other ? [[heading('Records identified from:'), ...(other.identified?.parts.length ? parts(other.identified).map((line) => ({ text: line.text.trim() })) : [n('Other methods', other.identified?.total)])], undefined] : []),
    ],
    [[n('Records screened', prisma.screened)], [n('Records excluded', prisma.excluded)], ...(other ? [undefined, undefined] : [])],
    [[n('Reports sought for retrieval', prisma.sought)], [n('Reports not retrieved', prisma.notRetrieved)], ...(other ? [[n('Reports sought for retrieval', other.sought)], [n('Reports not retrieved', other.notRetrieved)]] : [])],
    [
      [n('Reports assessed for eligibility', prisma.assessed)],
      [heading('Reports excluded:'), ...excludedLines(prisma.reportsExcluded)],
      ...(other ? [[n('Reports assessed for eligibility', other.assessed)], [heading('Reports excluded:'), ...excludedLines(other.reportsExcluded)]] : []),
    ],
    [[n('Studies included in review', prisma.includedStudies), n('Reports of included studies', prisma.includedReports)]],
  ];
  const wrapped = rows.map((row) => row.map((box) => (box ? box.flatMap(wrap) : undefined)));
  const heights = wrapped.map((row, index) => Math.max(index === 0 || index === 4 ? LABELLED_ROW : 0, ...row.map((box) => (box ? box.length * LINE + 2 * PAD : 0))));
  const tops: number[] = [];
  let y = HEADER + 20;
  for (const height of heights) {
    tops.push(y);
    y += height + ROW_GAP;
  }
  const height = y - ROW_GAP + 10;
  const width = x(columns - 1) + BOX + 10;
  const shapes: ElementContent[] = [];
  shapes.push(...headerBand(x(0), x(1) + BOX - x(0), 'Identification of studies via databases and registers', '#ffe699'));
  if (other) shapes.push(...headerBand(x(2), x(3) + BOX - x(2), 'Identification of studies via other methods', '#d9d9d9'));
  shapes.push(...phaseBand(tops[0], heights[0], 'Identification'), ...phaseBand(tops[1], tops[3] + heights[3] - tops[1], 'Screening'), ...phaseBand(tops[4], heights[4], 'Included'));
  wrapped.forEach((row, r) => row.forEach((box, c) => box && shapes.push(...boxShape(x(c), tops[r], heights[r], box))));
  const mid = (column: number): number => x(column) + BOX / 2;
  const bottom = (row: number): number => tops[row] + heights[row];
  for (let row = 0; row < 4; row++) shapes.push(arrow([[mid(0), bottom(row)], [mid(0), tops[row + 1]]]));
  for (let row = 0; row < 4; row++) shapes.push(arrow([[x(0) + BOX, tops[row] + heights[row] / 2], [x(1), tops[row] + heights[row] / 2]]));
  if (other) {
    shapes.push(arrow([[mid(2), bottom(0)], [mid(2), tops[2]]]), arrow([[mid(2), bottom(2)], [mid(2), tops[3]]]));
    for (const row of [2, 3]) shapes.push(arrow([[x(2) + BOX, tops[row] + heights[row] / 2], [x(3), tops[row] + heights[row] / 2]]));
    shapes.push(arrow([[mid(2), bottom(3)], [mid(2), tops[4] + heights[4] / 2], [x(0) + BOX, tops[4] + heights[4] / 2]]));
  }
  const svg = svgElement('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', ariaLabel: 'PRISMA 2020 flow diagram', fontFamily: "'DejaVu Sans', Arial, Helvetica, sans-serif", fontSize: FONT }, [
    svgElement('title', {}, [svgText('PRISMA 2020 flow diagram')]),
    svgElement('desc', {}, [svgText(prismaAlt(prisma))]),
    svgElement('defs', {}, [svgElement('marker', { id: 'prisma-arrow', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto' }, [svgElement('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#333333' })])]),
    svgElement('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
    ...shapes,
  ]);
  return { id: 'prisma-flow', file: 'prisma-flow.svg', caption: 'PRISMA 2020 flow diagram of the search and selection of studies.', alt: prismaAlt(prisma), width, height, svg };
}

function excludedLines(excluded: CountBreakdown | undefined): BoxLine[] {
  if (!excluded) return [{ text: 'reasons not reported' }];
  return excluded.parts.length > 0 ? excluded.parts.map((part) => n(part.label, part.count)) : [n('Total', excluded.total)];
}

/** Splits a line into lines that fit the box, at spaces (a word longer than a line stays whole). */
function wrap(line: BoxLine): BoxLine[] {
  const room = Math.floor((BOX - 2 * PAD) / CHAR);
  const indent = /^ */.exec(line.text)![0];
  const out: string[] = [];
  let current = '';
  for (const word of line.text.trim().split(/ +/)) {
    const next = current ? `${current} ${word}` : `${indent}${word}`;
    if (next.length > room && current) {
      out.push(current);
      current = `${indent}  ${word}`;
    } else current = next;
  }
  out.push(current);
  return out.map((text) => ({ text, bold: line.bold }));
}

function boxShape(x: number, y: number, height: number, lines: readonly BoxLine[]): ElementContent[] {
  const texts = lines.map((line, index) =>
    svgElement('text', { x: x + PAD, y: y + PAD + (index + 1) * LINE - 4, fontWeight: line.bold ? 'bold' : undefined, xmlSpace: 'preserve' }, [svgText(line.text)]),
  );
  return [svgElement('rect', { x, y, width: BOX, height, fill: '#ffffff', stroke: '#333333', strokeWidth: 1 }), ...texts];
}

function headerBand(x: number, width: number, label: string, fill: string): ElementContent[] {
  return [
    svgElement('rect', { x, y: 10, width, height: HEADER - 10, rx: 6, fill, stroke: '#333333', strokeWidth: 1 }),
    svgElement('text', { x: x + width / 2, y: 10 + (HEADER - 10) / 2 + 4, textAnchor: 'middle', fontWeight: 'bold' }, [svgText(label)]),
  ];
}

function phaseBand(y: number, height: number, label: string): ElementContent[] {
  const cx = 10 + BAND / 2;
  const cy = y + height / 2;
  return [
    svgElement('rect', { x: 10, y, width: BAND, height, rx: 6, fill: '#9dc3e6', stroke: '#333333', strokeWidth: 1 }),
    svgElement('text', { x: cx, y: cy + 4, textAnchor: 'middle', fontWeight: 'bold', transform: `rotate(-90 ${cx} ${cy})` }, [svgText(label)]),
  ];
}

function arrow(points: ReadonlyArray<readonly [number, number]>): Element {
  return svgElement('polyline', { points: points.map(([px, py]) => `${px},${py}`).join(' '), fill: 'none', stroke: '#333333', strokeWidth: 1.5, markerEnd: 'url(#prisma-arrow)' });
}

/** Every count of the diagram in sentences: the text alternative of the figure. */
export function prismaAlt(prisma: PrismaCounts): string {
  const count = prismaCount;
  const sentences = [
    `PRISMA 2020 flow diagram. Identification: ${count(prisma.databases?.total)} records from databases${breakdownText(prisma.databases)} and ${count(prisma.registers?.total)} from registers; removed before screening: ${count(prisma.duplicates)} duplicates, ${count(prisma.automation)} marked ineligible by automation tools, ${count(prisma.otherRemoved)} for other reasons.`,
    `Screening: ${count(prisma.screened)} records screened, ${count(prisma.excluded)} excluded; ${count(prisma.sought)} reports sought for retrieval, ${count(prisma.notRetrieved)} not retrieved; ${count(prisma.assessed)} reports assessed for eligibility, ${count(prisma.reportsExcluded?.total)} excluded${reasonsText(prisma.reportsExcluded)}.`,
  ];
  const other = prisma.otherMethods;
  if (other) {
    sentences.push(`Other methods: ${count(other.identified?.total)} records identified${breakdownText(other.identified)}; ${count(other.sought)} reports sought, ${count(other.notRetrieved)} not retrieved; ${count(other.assessed)} assessed, ${count(other.reportsExcluded?.total)} excluded${reasonsText(other.reportsExcluded)}.`);
  }
  sentences.push(`Included: ${count(prisma.includedStudies)} studies in the review, from ${count(prisma.includedReports)} reports.`);
  return sentences.join(' ');
}

function breakdownText(breakdown: CountBreakdown | undefined): string {
  return breakdown?.parts.length ? ` (${breakdown.parts.map((part) => `${part.label} ${prismaCount(part.count)}`).join(', ')})` : '';
}

function reasonsText(excluded: CountBreakdown | undefined): string {
  return excluded?.parts.length ? ` (${excluded.parts.map((part) => `${part.label}: ${prismaCount(part.count)}`).join('; ')})` : '';
}
