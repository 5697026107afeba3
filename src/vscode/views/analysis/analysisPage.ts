/**
 * The Analysis panel's page, pure: the choices as labelled selects, the heat-map
 * table (each cell a button: Tab reaches it, Enter opens its segments; each column
 * header a sort button), Copy as CSV / Markdown buttons. Every text is escaped; the
 * page loads one script and one stylesheet from `media/`, under a CSP with a nonce.
 */
import { escapeHtml, htmlDocument } from '../../webviewSecurity';
import type { AnalysisChoices, AnalysisView } from './analysisView';

/** What the page needs besides the view. */
export interface PageContext {
  readonly nonce: string;
  /** The webview's CSP source and the URIs of `media/analysis.js` and `media/analysis.css`. */
  readonly cspSource: string;
  readonly scriptUri: string;
  readonly styleUri: string;
  /** The studies' attribute keys, offered as columns. */
  readonly attributes: readonly string[];
  /** Theme levels the codebook has (1 …). */
  readonly levels: number;
  /** The view filter, `''` for none. */
  readonly filter: string;
}


const SHADES = 6;

/** The whole page. */
export function analysisPage(view: AnalysisView, choices: AnalysisChoices, context: PageContext): string {
  // Ours alone: the webview's source and a hex nonce, nothing from the review.
  const csp = `default-src 'none'; style-src ${context.cspSource}; script-src 'nonce-${context.nonce}'; img-src ${context.cspSource};`;
  const body = `<h1>${escapeHtml(view.title)}</h1>
${controls(choices, context)}
${context.filter ? `<p class="filter">View filter: <code>${escapeHtml(context.filter)}</code></p>` : ''}
${table(view, choices)}
<p class="note">${escapeHtml(view.note)}</p>
<script nonce="${escapeHtml(context.nonce)}" src="${escapeHtml(context.scriptUri)}"></script>`;
  return `${htmlDocument({ csp, styleHref: escapeHtml(context.styleUri), title: view.title, body })}\n`;
}

function select(id: string, label: string, options: ReadonlyArray<readonly [string, string]>, value: string, hidden = false): string {
  const items = options.map(([key, text]) => `<option value="${escapeHtml(key)}"${key === value ? ' selected' : ''}>${escapeHtml(text)}</option>`).join('');
  return `<label${hidden ? ' hidden' : ''}>${escapeHtml(label)} <select id="${id}" data-choice="${id}">${items}</select></label>`;
}

function controls(choices: AnalysisChoices, context: PageContext): string {
  const matrix = choices.mode === 'matrix';
  const levels = Array.from({ length: Math.max(1, context.levels) }, (_, index) => [`themes:${index + 1}`, index === 0 ? 'Themes' : `Sub-themes (level ${index + 1})`] as const);
  const columns = [['studies', 'Studies'], ['codes', 'Codes'], ...context.attributes.map((key) => [`attribute:${key}`, key] as const)] as const;
  return `<form class="controls" aria-label="Analysis choices">
${select('mode', 'Analysis', [['matrix', 'Matrix coding'], ['cooccurrence', 'Co-occurrence']], choices.mode)}
${select('rows', 'Rows', [...levels, ['codes', 'Codes']], choices.rows, !matrix)}
${select('columns', 'Columns', columns, choices.columns, !matrix)}
${select('measure', 'Measure', [['studies', 'Studies'], ['segments', 'Segments'], ['participants', 'Participants']], choices.measure, !matrix)}
${select('unit', 'Unit', [['segment', 'Coded passage'], ['block', 'Block'], ['study', 'Study']], choices.unit, matrix)}
<button type="button" data-copy="csv">Copy as CSV</button>
<button type="button" data-copy="md">Copy as Markdown</button>
</form>`;
}

function table(view: AnalysisView, choices: AnalysisChoices): string {
  if (view.rows.length === 0 || view.columns.length === 0) return '<p class="empty">Nothing to tabulate: no coded segments in these studies, or no rows of this kind.</p>';
  const sortMark = (column: number): string => (choices.sortColumn === column ? (choices.descending ? ' ▼' : ' ▲') : '');
  const ariaSort = (column: number): string => (choices.sortColumn === column ? ` aria-sort="${choices.descending ? 'descending' : 'ascending'}"` : '');
  const hasTotals = view.rows.some((row) => row.total !== undefined);
  const header = [
    `<th scope="col"${ariaSort(-1)}><button type="button" data-sort="-1">${escapeHtml(view.corner)}${sortMark(-1)}</button></th>`,
    ...view.columns.map((label, column) => `<th scope="col"${ariaSort(column)}><button type="button" data-sort="${column}">${escapeHtml(label)}${sortMark(column)}</button></th>`),
    ...(hasTotals ? [`<th scope="col"${ariaSort(view.columns.length)}><button type="button" data-sort="${view.columns.length}">Total${sortMark(view.columns.length)}</button></th>`] : []),
  ].join('');
  const rows = view.rows.map((row) => {
    const cells = row.cells.map((cell, at) => {
      const shade = Math.min(SHADES - 1, Math.ceil(cell.share * (SHADES - 1)));
      const label = `${row.label} × ${view.columns[at]}: ${cell.value}`;
      return `<td class="shade-${shade}"><button type="button" data-row="${cell.row}" data-column="${cell.column}" aria-label="${escapeHtml(label)}"${cell.value === 0 ? ' disabled' : ''}>${cell.value}</button></td>`;
    });
    const total = hasTotals ? `<td class="total">${row.total ?? ''}</td>` : '';
    return `<tr><th scope="row">${escapeHtml(row.label)}</th>${cells.join('')}${total}</tr>`;
  });
  return `<table class="heat-map"><thead><tr>${header}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}
