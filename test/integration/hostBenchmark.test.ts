import * as assert from 'node:assert/strict';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import type { QualSynthApi } from '../../src/extension';
import { EXTENSION_ID, indexSummary, waitFor } from './helpers';
import { hasKeyboard, keyboard } from './keyboard';

/**
 * Extension-host figures for the README's Performance section, on whatever review the
 * runner opened. Runs only when QUALSYNTH_BENCH_REVIEW is set (`npm run bench:host`).
 */
suite('benchmark: activation and saved change to refreshed diagnostics and tree', function () {
  suiteSetup(function () {
    if (!process.env.QUALSYNTH_BENCH_REVIEW) this.skip();
  });

  test('measures', async function () {
    this.timeout(300_000);
    const extension = vscode.extensions.getExtension<QualSynthApi>(EXTENSION_ID)!;
    const api = await extension.activate();
    const loadMs = await api.indexLoadMs();
    const summary = (await indexSummary())!;
    const [study] = await vscode.workspace.findFiles('studies/**/*.md', undefined, 1);
    assert.ok(study, 'the review has studies');
    const original = readFileSync(study.fsPath, 'utf8');
    const toDiagnostics: number[] = [];
    const toTree: number[] = [];
    try {
      for (let round = 0; round < 5; round++) {
        const refreshes = api.views.themes.refreshCount;
        const started = performance.now();
        appendFileSync(study.fsPath, `\nAdded #bench-undefined-${round}\n`);
        await waitFor(() => vscode.languages.getDiagnostics(study).some((d) => d.message.includes(`bench-undefined-${round}`)), Boolean, 30_000);
        toDiagnostics.push(performance.now() - started);
        await waitFor(() => api.views.themes.refreshCount, (count) => count > refreshes, 30_000);
        toTree.push(performance.now() - started);
      }
    } finally {
      writeFileSync(study.fsPath, original);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1].toFixed(0);
    console.log(
      `BENCH host: ${summary.studies} studies, ${summary.segments} segments; activate() ${extension.exports.activationMs.toFixed(1)} ms; ` +
        `first full index ${loadMs?.toFixed(0)} ms; saved change → diagnostics ${median(toDiagnostics)} ms, → Themes tree refreshed ${median(toTree)} ms (medians of 5)`,
    );
  });
});

/**
 * The first text search of a session as a researcher meets it: "Search Studies…" with
 * a pattern, from the command to the results shown (every study's current text read,
 * reader texts prepared unless the background already did, the search, the tree),
 * wall and extension-host CPU time; then four later searches. Before that, while the
 * reader texts are prepared in the background at load: the longest the extension
 * host's event loop was held, and an edit's time to its diagnostics (the re-index and
 * the 150 ms publishing delay), against the same once the preparation has ended.
 */
suite('benchmark: first text search of a session', function () {
  suiteSetup(function () {
    if (!process.env.QUALSYNTH_BENCH_REVIEW) this.skip();
  });

  test('measures', async function () {
    this.timeout(300_000);
    const api = await vscode.extensions.getExtension<QualSynthApi>(EXTENSION_ID)!.activate();
    await api.indexLoadMs();
    const loaded = performance.now();
    const [study] = await vscode.workspace.findFiles('studies/**/*.md', undefined, 1);
    const document = await vscode.workspace.openTextDocument(study);
    let preparing = true;
    const prepared = api.searchPrepared().then((stats) => {
      preparing = false;
      return { ms: performance.now() - loaded, ...stats };
    });
    const duringLag = eventLoopLag();
    const during: number[] = [];
    for (let round = 0; preparing && round < 50; round++) during.push(await editToDiagnostics(document, `bench-prep-${round}`));
    const preparation = await prepared;
    const heldDuring = duringLag.stop();
    const idleLag = eventLoopLag();
    const idle: number[] = [];
    for (let round = 0; round < 5; round++) idle.push(await editToDiagnostics(document, `bench-idle-${round}`));
    const heldIdle = idleLag.stop();
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    // The index reads the closed study from disk again; let that and its redraws pass.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const search = async (): Promise<string> => {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const hits = await vscode.commands.executeCommand<number>('qualsynth.searchStudies', { pattern: 'stigma', mode: 'words' });
      const wall = performance.now() - started;
      const shown = hasKeyboard() ? (await keyboard({ waitFor: '.monaco-list-row', hasText: ' hits' }), performance.now() - started) : undefined;
      const used = process.cpuUsage(cpu);
      return `${hits} hits, ${wall.toFixed(0)} ms${shown === undefined ? '' : `, rows shown at ${shown.toFixed(0)} ms`} (CPU ${((used.user + used.system) / 1000).toFixed(0)} ms)`;
    };
    const direct = async (): Promise<string> => {
      const started = performance.now();
      const result = await api.search.search({ pattern: 'stigma', mode: 'words' });
      return `provider ${result?.hits.length} hits ${(performance.now() - started).toFixed(0)} ms`;
    };
    console.log(
      `BENCH search preparation: reader texts ready ${preparation.ms.toFixed(0)} ms after the index, built in ${preparation.slices} slices of at most ${preparation.longestSliceMs.toFixed(0)} ms; while preparing, event loop held at most ${heldDuring.toFixed(0)} ms, ` +
        `edit → diagnostics ${during.map((ms) => ms.toFixed(0)).join(', ')} ms; after, held at most ${heldIdle.toFixed(0)} ms, edit → diagnostics ${idle.map((ms) => ms.toFixed(0)).join(', ')} ms`,
    );
    const first = await search();
    console.log(`BENCH search direct: ${await direct()}; ${await direct()}`);
    const later = [];
    for (let round = 0; round < 4; round++) later.push(await search());
    console.log(`BENCH search: first search of "stigma" ${first}; later: ${later.join('; ')}`);
  });
});

/** Types a tag the codebook lacks into `document` and waits for its diagnostic: milliseconds. */
async function editToDiagnostics(document: vscode.TextDocument, code: string): Promise<number> {
  const started = performance.now();
  const shown = new Promise<void>((resolve) => {
    const listener = vscode.languages.onDidChangeDiagnostics(() => {
      if (!vscode.languages.getDiagnostics(document.uri).some((d) => d.message.includes(code))) return;
      listener.dispose();
      resolve();
    });
  });
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(document.lineCount, 0), `\nAdded #${code}\n`);
  await vscode.workspace.applyEdit(edit);
  await shown;
  return performance.now() - started;
}

/** Watches the event loop with a 1 ms timer; `stop()` tells the longest it waited beyond that. */
function eventLoopLag(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 1);
    last = now;
  }, 1);
  return {
    stop: () => {
      clearInterval(timer);
      return longest;
    },
  };
}
