import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QualSynthApi } from '../../src/extension';
import { EXTENSION_ID, indexSummary, waitFor, workspaceRoot, writeWorkspaceFile } from './helpers';

const HOSTILE = `---
id: hostile-2020
citation: "<script>alert('citation')</script> Evil. 2020."
authors: ["<img src=x onerror=alert(1)>"]
year: 2020
---

> "<script>alert(1)</script> and <img src=x onerror=alert(2)>" #staff-prejudice

They said [see [here](javascript:alert(3)) now]{#low-pay}.
`;

suite('The synthesis report: compile command and preview webview', () => {
  let api: QualSynthApi;
  suiteSetup(async () => {
    api = await vscode.extensions.getExtension<QualSynthApi>(EXTENSION_ID)!.activate();
    await waitFor(indexSummary, (summary) => summary?.studies === 2);
  });
  suiteTeardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('Compile Synthesis Report writes Markdown, HTML and CSV and opens the Markdown', async () => {
    const written = await vscode.commands.executeCommand<vscode.Uri[]>('qualsynth.compileReport');
    try {
      assert.deepEqual(written.map((uri) => uri.path.split('/').slice(-2).join('/')), ['reports/synthesis.md', 'reports/thematic-map.svg', 'reports/studies-themes.svg', 'reports/themes-by-attribute.svg', 'reports/code-frequencies.svg', 'reports/synthesis.html', 'reports/study-code.csv', 'reports/study-theme.csv', 'reports/segments.csv', 'reports/memos.csv', 'reports/evidence-profile.csv', 'reports/sensitivity.csv']);
      const markdown = new TextDecoder().decode(await vscode.workspace.fs.readFile(written[0]));
      assert.match(markdown, /^# Basic fixture review\n/);
      assert.match(markdown, /\(\.\.\/studies\/a\.md#L\d+\)/);
      assert.ok(vscode.window.activeTextEditor?.document.uri.path.endsWith('/reports/synthesis.md'));
      assert.equal((await indexSummary())?.studies, 2, 'reports are never indexed as studies');
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'reports'), { recursive: true });
    }
  });

  test('the preview has a strict CSP with a nonce, media-only resources, and escaped study text', async () => {
    const uri = await writeWorkspaceFile('studies/hostile.md', HOSTILE);
    try {
      await waitFor(indexSummary, (summary) => summary?.studies === 3);
      await vscode.commands.executeCommand('qualsynth.previewReport');
      const panel = api.reportPreviewPanel();
      assert.ok(panel, 'the preview is open');
      const roots = panel.webview.options.localResourceRoots ?? [];
      assert.deepEqual(roots.map((root) => root.path.split('/').pop()), ['media']);
      const html = await waitFor(() => panel.webview.html, (page) => page.includes('hostile'));
      const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
      assert.match(csp, /default-src 'none'/);
      const nonce = /script-src 'nonce-([A-Za-z0-9]+)'/.exec(csp)?.[1];
      assert.ok(nonce && nonce.length >= 16, csp);
      assert.ok(!/script-src[^;]*'unsafe-inline'/.test(csp));
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      assert.deepEqual(scripts, [`<script nonce="${nonce}" src="${/src="([^"]*reportPreview\.js)"/.exec(html)![1]}">`]);
      assert.ok(!/<[^>]*\bon[a-z]+=/i.test(html), 'no live event handler from study text');
      assert.ok(!/<img\b/i.test(html), 'no live image from study text');
      assert.ok(!/href="javascript:/i.test(html), 'no javascript: link');
      assert.ok(!html.includes("<script>alert"), 'no script from study text');
      assert.match(html, /&#x3C;script>alert\(1\)&#x3C;\/script>|&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    } finally {
      await vscode.workspace.fs.delete(uri);
      api.reportPreviewPanel()?.dispose();
    }
  });
});
