import { strict as assert } from 'node:assert';
import { MATCH_ALL, parseFilter } from '../../../src/core/filter';
import { analysisPage } from '../../../src/vscode/views/analysis/analysisPage';
import { escapeHtml } from '../../../src/vscode/webviewSecurity';
import { analysisView, cellSegments, DEFAULT_CHOICES, viewTable, type AnalysisChoices } from '../../../src/vscode/views/analysis/analysisView';
import { fixtureIndex } from '../analysis/fixture';

const CONTEXT = { nonce: 'abc123abc123abc123', cspSource: 'vscode-webview:', scriptUri: 'media/analysis.js', styleUri: 'media/analysis.css', attributes: ['perspective', 'country'], levels: 2, filter: '' };

describe('Analysis panel view (pure)', () => {
  const index = fixtureIndex();
  const choices = (more: Partial<AnalysisChoices>): AnalysisChoices => ({ ...DEFAULT_CHOICES, ...more });

  it('shows themes × studies by default, and a perspective matrix with totals', () => {
    assert.deepEqual(viewTable(analysisView(index, DEFAULT_CHOICES, MATCH_ALL)), [
      ['Theme \\ study (studies)', 'a (n=1)', 'b (n=1)', 'c (n=1)', 'd (n=1)', 'Total'],
      ['Roles', '1', '1', '0', '0', '2'],
      ['Recovery', '1', '1', '1', '0', '3'],
    ]);
    const view = analysisView(index, choices({ columns: 'attribute:perspective', measure: 'segments' }), MATCH_ALL);
    assert.deepEqual(viewTable(view).slice(1), [['Roles', '2', '6', '0', '6'], ['Recovery', '3', '3', '0', '5']]);
  });

  it('sorts by a column, descending on the first click, and keeps each cell’s analysis position', () => {
    const view = analysisView(index, choices({ columns: 'attribute:perspective', measure: 'segments', sortColumn: 0, descending: true }), MATCH_ALL);
    assert.deepEqual(view.rows.map((row) => row.label), ['Recovery', 'Roles']);
    assert.deepEqual([view.rows[0].cells[0].row, view.rows[0].cells[0].column], [1, 0]);
  });

  it('shows co-occurrence as codes × codes with each code’s units on the diagonal', () => {
    const table = viewTable(analysisView(index, choices({ mode: 'cooccurrence', unit: 'block' }), MATCH_ALL));
    assert.deepEqual(table[0], ['Code \\ code (blocks with both)', 'pay', 'boundary', 'friend', 'hope', 'stigma', 'emerging']);
    assert.deepEqual(table[1], ['pay', '3', '1', '1', '2', '1', '0']);
  });

  it('finds the segments behind a cell, under the filter', () => {
    const behind = cellSegments(index, choices({ columns: 'attribute:perspective', measure: 'segments' }), parseFilter('id=b'), 0, 1);
    assert.equal(behind.title, 'Roles × workers');
    assert.deepEqual(behind.segments.map((segment) => segment.text), ['Pay', 'Being a friend']);
    const pair = cellSegments(index, choices({ mode: 'cooccurrence', unit: 'block' }), MATCH_ALL, 0, 3);
    assert.equal(pair.title, '#pay + #hope');
    assert.deepEqual(pair.segments.map((segment) => segment.text), ['I felt hope.', 'We hoped', 'Pay']);
  });

  it('renders a page with a strict CSP, one nonce’d script, labelled controls and cell buttons, all text escaped', () => {
    const html = analysisPage(analysisView(index, DEFAULT_CHOICES, MATCH_ALL), DEFAULT_CHOICES, { ...CONTEXT, filter: '<b>x</b>' });
    assert.ok(html.includes(`content="default-src 'none'; style-src vscode-webview:; script-src 'nonce-abc123abc123abc123'; img-src vscode-webview:;"`));
    assert.deepEqual(html.match(/<script\b[^>]*>/g), ['<script nonce="abc123abc123abc123" src="media/analysis.js">']);
    assert.match(html, /<label>Rows <select id="rows" data-choice="rows">/);
    assert.match(html, /<button type="button" data-row="0" data-column="0" aria-label="Roles × a \(n=1\): 1">1<\/button>/);
    assert.ok(html.includes('&#60;b&#62;x&#60;/b&#62;') && !html.includes('<b>x'), 'the filter is escaped');
    assert.equal(escapeHtml(`<"'&>`), '&#60;&#34;&#39;&#38;&#62;');
  });
});
