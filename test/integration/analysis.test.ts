import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QualSynthApi } from '../../src/extension';
import { EXTENSION_ID, indexSummary, waitFor } from './helpers';

/** The panel's table as `label: cells` rows, read from its HTML. */
function tableRows(html: string): string[] {
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr><th scope="row">([^<]*)<\/th>([\s\S]*?)<\/tr>/g)].map(([, label, cells]) => `${label}: ${[...cells.matchAll(/<button[^>]*>(\d+)<\/button>|<td class="total">(\d*)<\/td>/g)].map((cell) => cell[1] ?? `| ${cell[2]}`).join(' ')}`);
}

suite('The Analysis panel: matrix coding and co-occurrence in a webview', () => {
  let api: QualSynthApi;
  suiteSetup(async () => {
    api = await vscode.extensions.getExtension<QualSynthApi>(EXTENSION_ID)!.activate();
    await waitFor(indexSummary, (summary) => summary?.studies === 2);
  });
  suiteTeardown(async () => {
    await api.views.filter.clear();
    api.analysisPanel()?.currentPanel?.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('opens from the palette with a strict CSP, media-only resources and the themes × studies table', async () => {
    await vscode.commands.executeCommand('qualsynth.showAnalysis');
    const panel = api.analysisPanel()!.currentPanel;
    assert.ok(panel, 'the panel is open');
    assert.deepEqual((panel.webview.options.localResourceRoots ?? []).map((root) => root.path.split('/').pop()), ['media']);
    const html = await waitFor(() => panel.webview.html, (page) => page.includes('<tbody>'));
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    const nonce = /script-src 'nonce-([A-Za-z0-9]+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, csp);
    assert.deepEqual(html.match(/<script\b[^>]*>/g), [`<script nonce="${nonce}" src="${/src="([^"]*analysis\.js)"/.exec(html)![1]}">`]);
    assert.ok(!/https?:\/\/(?!.*vscode-cdn|.*vscode-resource)/.test(html.replace(/content="[^"]*"/, '')), 'no external resource');
    assert.deepEqual(tableRows(html), ['Experiences of peer support workers: 1 0 | 1', 'Experiences of recipients: 0 1 | 1']);
  });

  test('changing columns and measure re-renders; clicking a cell opens its segments; the view filter applies', async () => {
    const analysis = api.analysisPanel()!;
    const panel = analysis.currentPanel!;
    await analysis.receive({ type: 'choose', choice: 'columns', value: 'attribute:perspective' });
    await analysis.receive({ type: 'choose', choice: 'measure', value: 'segments' });
    const html = await waitFor(() => panel.webview.html, (page) => page.includes('peer workers (n=1)'));
    assert.deepEqual(tableRows(html), ['Experiences of peer support workers: 3 0 | 3', 'Experiences of recipients: 0 2 | 2']);
    const column = /data-row="0" data-column="(\d+)" aria-label="Experiences of peer support workers × peer workers \(n=1\): 3"/.exec(html)?.[1];
    assert.ok(column !== undefined, 'the cell is a labelled button');
    await analysis.receive({ type: 'open', row: 0, column: Number(column) });
    const editor = await waitFor(() => vscode.window.activeTextEditor, (active) => active?.document.uri.scheme === 'qualsynth-analysis');
    const text = editor!.document.getText();
    assert.match(text, /^# Experiences of peer support workers × peer workers — 3 segments in 1 study/);
    assert.match(text, /being excluded from team meetings/);
    assert.ok(!text.includes('meeting people through'), 'only the cell’s segments');

    await api.views.filter.setStudies({ conditions: [{ key: 'perspective', operator: '=', values: ['recipients'] }] });
    const filtered = await waitFor(() => panel.webview.html, (page) => page.includes('1 of 2 studies'));
    assert.deepEqual(tableRows(filtered), ['Experiences of peer support workers: 0 | 0', 'Experiences of recipients: 2 | 2']);
    await api.views.filter.clear();
  });

  test('co-occurrence counts codes applied to the same passage, and the copy is the table shown', async () => {
    const analysis = api.analysisPanel()!;
    const panel = analysis.currentPanel!;
    await analysis.receive({ type: 'choose', choice: 'mode', value: 'cooccurrence' });
    const html = await waitFor(() => panel.webview.html, (page) => page.includes('Co-occurrence'));
    // alder: the quote block {staff-prejudice}, the span {staff-prejudice, role-ambiguity}, the span {low-pay}.
    assert.deepEqual(tableRows(html).slice(0, 2), ['staff-prejudice: 2 1 0 0', 'role-ambiguity: 1 1 0 0']);
    // A message the page never sends changes nothing and throws nothing.
    await analysis.receive({ type: 'choose', choice: 'constructor', value: 'x' });
    await analysis.receive({ type: 'open', row: -1, column: 0 });
    await analysis.receive({ type: 'copy', format: 'csv' });
    const copied = await vscode.env.clipboard.readText();
    assert.match(copied, /^Code \\ code \(passages with both\),staff-prejudice,role-ambiguity,low-pay,social-network\nstaff-prejudice,2,1,0,0\n/);
  });

  test('the Themes view title offers the panel', () => {
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { menus: Record<string, Array<{ command: string; when?: string }>> } };
    assert.ok(pkg.contributes.menus['view/title'].some((item) => item.command === 'qualsynth.showAnalysis' && item.when?.includes('qualsynth.themes')));
  });
});
