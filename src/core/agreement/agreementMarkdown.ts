/**
 * Renders an agreement report as Markdown: what was compared, a table of statistics
 * per code and overall (with and without the units nobody coded), and the list of
 * disagreements for the reconciliation meeting.
 */
import { markdownLink, type PassageLink } from '../text/markdownLink';
import type { AgreementReport, Disagreement, StatisticsPair } from './agreementModel';
import type { AgreementStatistics } from './statistics';

/** Options of the Markdown rendering. */
export interface AgreementMarkdownOptions {
  /** Most disagreements listed (the rest are counted); default 500. */
  readonly maxDisagreements?: number;
  /** Where a disagreement's line links to (`studies/a.md#L12`); without it lines are plain. */
  readonly passageLink?: PassageLink;
  /** More than 20 disagreements in `<details>` (default) or listed as they are (for renderers without raw HTML). */
  readonly collapsible?: boolean;
}

const UNIT_WORDS = { block: 'block (paragraph, list item or quote paragraph)', char: 'character of the plain text' } as const;

/** The report as Markdown (GitHub-flavoured; deterministic). */
export function renderAgreementMarkdown(report: AgreementReport, options: AgreementMarkdownOptions = {}): string {
  const two = report.coders.length === 2;
  const unitName = report.unit === 'char' ? 'characters' : 'blocks';
  const out = [
    '## Inter-coder agreement',
    '',
    `Coders: ${report.coders.map(code).join(', ')}. Unit of analysis: ${UNIT_WORDS[report.unit]}.`,
    `${report.units.total} ${unitName} compared, ${report.units.coded} coded by at least one coder` +
      (report.units.incomplete > 0 ? `, ${report.units.incomplete} missing from some coder's version (text differs or study absent).` : '.'),
    '',
  ];
  const statColumns = (label: string): string[] => [`Agreement${label}`, ...(two ? [`Cohen's κ${label}`] : []), `Krippendorff's α${label}`];
  const header = ['Code', `Applied (${report.coders.map(escapeCell).join(' / ')})`, ...statColumns(''), ...statColumns('*')];
  out.push(`| ${header.join(' | ')} |`, `|${header.map((_, index) => (index < 2 ? '---' : '---:')).join('|')}|`);
  const statCells = (pair: StatisticsPair): string[] => [...cells(pair.all, two), ...cells(pair.coded, two)];
  out.push(`| **All codes (pooled)** | | ${statCells(report.overall).join(' | ')} |`);
  for (const entry of report.codes) out.push(`| ${code(`#${entry.code}`)} | ${entry.applied.join(' / ')} | ${statCells(entry).join(' | ')} |`);
  out.push('', `\\* Without the ${unitName} nobody coded with any code. Agreement is the share of agreeing pairs of coders; n/a where a statistic is undefined (no variation).`, '');
  out.push(...disagreementSection(report, options));
  return out.join('\n');
}

function cells(stats: AgreementStatistics, two: boolean): string[] {
  return [percent(stats.percentAgreement), ...(two ? [decimal(stats.cohensKappa)] : []), decimal(stats.krippendorffAlpha)];
}

function disagreementSection(report: AgreementReport, options: AgreementMarkdownOptions): string[] {
  const list = report.disagreements;
  const max = options.maxDisagreements ?? 500;
  if (list.length === 0) return ['### Disagreements', '', 'None: every coder applied the same codes to every passage they share.', ''];
  const table = renderDisagreementTable(report.coders, list.slice(0, max), options.passageLink);
  if (list.length > max) table.push('', `… and ${list.length - max} more (use \`--format json\` for all).`);
  const summary = `### Disagreements (${list.length})`;
  const collapse = list.length > 20 && (options.collapsible ?? true);
  return collapse ? [summary, '', '<details><summary>Show the disagreements</summary>', '', ...table, '', '</details>', ''] : [summary, '', ...table, ''];
}

/** The disagreement table: id, study, line, passage and each coder's codes (also `qualsynth reconcile`). */
export function renderDisagreementTable(coders: readonly string[], list: readonly Disagreement[], link?: PassageLink): string[] {
  const header = ['Id', 'Study', 'Line', 'Passage', ...coders.map(escapeCell)];
  const rows = list.map((entry) => {
    const codes = entry.byCoder.map((applied) => (applied === null ? '—' : applied.length === 0 ? '(none)' : applied.map((name) => code(`#${name}`)).join(', ')));
    const line = link ? markdownLink(String(entry.line), link(entry.path, entry.line)) : String(entry.line);
    return `| ${entry.id} | ${code(entry.study)} | ${line} | ${escapeCell(entry.excerpt)} | ${codes.join(' | ')} |`;
  });
  return [`| ${header.join(' | ')} |`, `|---|---|---:|---|${coders.map(() => '---').join('|')}|`, ...rows];
}

function percent(value: number | null): string {
  return value === null ? 'n/a' : `${fixedWithin(value * 100, 1, 0, 100)}%`;
}

function decimal(value: number | null): string {
  return value === null ? 'n/a' : fixedWithin(value, 3, -1, 1);
}

/**
 * `value` to `digits` decimals, except that a value strictly inside (`min`, `max`) never
 * prints as either bound: 0.99996 is "99.9%", not "100.0%", which would contradict the
 * disagreements listed below it (and 0.00004 is "0.1%", not "0.0%").
 */
export function fixedWithin(value: number, digits: number, min: number, max: number): string {
  const step = 10 ** -digits;
  const text = value.toFixed(digits);
  if (value < max && Number(text) >= max) return (max - step).toFixed(digits);
  if (value > min && Number(text) <= min) return (min + step).toFixed(digits);
  return text;
}

function code(text: string): string {
  return `\`${text.replace(/\|/g, '\\|')}\``;
}

/** User text made inert in a table cell. */
function escapeCell(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]~|]/g, (char) => `\\${char}`);
}
