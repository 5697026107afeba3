/**
 * Text search and auto-coding in the real workbench: "Search Studies…" typed by
 * keyboard, the Search Results tree (study → hits, code blocks never searched), hits
 * ticked, "Code Selected Hits…" confirmed by keyboard (count and preview), the whole file
 * compared, results following the edit (hits marked as coded), one undo reverting
 * it all, and a study changed while the confirmation is open refused.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QualSynthApi } from '../../src/extension';
import { EXPANDED_UP_TO_HITS, type ResultNode, type SearchResultsProvider } from '../../src/vscode/search/searchResults';
import { EXTENSION_ID, indexSummary, waitFor, writeWorkspaceFile } from './helpers';
import { FOCUSED_ROW, QUICK_PICK, hasKeyboard, keyboard } from './keyboard';

const STUDY = 'studies/search-loop.md';
const TEXT = [
  '---',
  'id: search-loop',
  'citation: "Quill Q. Stipends. 2020."',
  '---',
  '',
  '## Findings',
  '',
  'The stipend was low, and a stipend',
  'was paid late.',
  '',
  '> "The stipend? Never enough." (peer worker)',
  '',
  '```',
  'stipend in a code block',
  '```',
  '',
].join('\n');

function uriOfStudy(): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ...STUDY.split('/'));
}

async function studyText(): Promise<string> {
  return (await vscode.workspace.openTextDocument(uriOfStudy())).getText();
}

async function results(): Promise<SearchResultsProvider> {
  const api = (await vscode.extensions.getExtension<QualSynthApi>(EXTENSION_ID)!.activate()) as QualSynthApi;
  return api.search;
}

/** The study's hit nodes in the results tree. */
async function hitNodes(provider: SearchResultsProvider): Promise<ResultNode[]> {
  const study = provider.getChildren().find((node) => node.kind === 'study' && node.path === STUDY);
  assert.ok(study, 'the study is in the results');
  return provider.getChildren(study);
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

suite('Search Studies and auto-coding', function () {
  this.timeout(60_000);

  suiteSetup(async () => {
    await writeWorkspaceFile(STUDY, TEXT);
    await waitFor(async () => (await indexSummary())?.studies ?? 0, (count) => count >= 3);
  });

  teardown(() => vscode.commands.executeCommand('workbench.action.closeQuickOpen'));

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uriOfStudy());
  });

  test('a study deleted on disk while its hits are shown: the re-run leaves it out, without an error', async () => {
    const provider = await results();
    const gone = 'studies/search-gone.md';
    const uri = await writeWorkspaceFile(gone, TEXT.replace('id: search-loop', 'id: search-gone'));
    await waitFor(async () => (await indexSummary())?.studies ?? 0, (count) => count >= 4);
    await provider.search({ pattern: 'stipend', mode: 'words' });
    assert.ok(provider.allHits().some((hit) => hit.path === gone), 'the study has hits');
    await vscode.workspace.fs.delete(uri);
    // At once, before the file watcher has told the index (it waits 100 ms for more events): the
    // study is still indexed but its file is gone, and a new search reads every study again.
    await provider.search({ pattern: 'stipend', mode: 'words' });
    assert.ok(!provider.allHits().some((hit) => hit.path === gone), 'the deleted study has no hits');
    await waitFor(async () => (await indexSummary())?.studies ?? 0, (count) => count === 3);
  });

  test('a study rewritten on disk before the index hears of it: a new search finds its new text', async () => {
    const provider = await results();
    const changed = 'studies/search-changed.md';
    const before = TEXT.replace('id: search-loop', 'id: search-changed');
    const uri = await writeWorkspaceFile(changed, before);
    await waitFor(async () => (await indexSummary())?.studies ?? 0, (count) => count >= 4);
    await provider.search({ pattern: 'stipend', mode: 'words' });
    assert.equal(provider.allHits().filter((hit) => hit.path === changed).length, 3);
    const after = before.replace('was paid late.', 'was paid late. A stipend again.');
    await writeWorkspaceFile(changed, after);
    // At once, before the file watcher has told the index: the kept text is stale, the file's size says so.
    await provider.search({ pattern: 'stipend', mode: 'words' });
    const hits = provider.allHits().filter((hit) => hit.path === changed);
    assert.equal(hits.length, 4, 'the new mention is found');
    assert.equal(provider.result?.texts.get(changed), after, 'the search read the new text');
    assert.deepEqual(
      hits.map((hit) => after.slice(hit.start, hit.end)),
      ['stipend', 'stipend', 'stipend', 'stipend'],
      'the hits are at their places in the new text',
    );
    await vscode.workspace.fs.delete(uri);
    await waitFor(async () => (await indexSummary())?.studies ?? 0, (count) => count === 3);
  });

  test('reader texts were prepared in the background once the review loaded', async () => {
    const api = (await vscode.extensions.getExtension<QualSynthApi>(EXTENSION_ID)!.activate()) as QualSynthApi;
    const stats = await api.searchPrepared();
    assert.ok(stats.studies >= 2 && stats.slices >= 1, `prepared ${stats.studies} studies in ${stats.slices} slices`);
  });

  test('a search with many hits shows its studies collapsed, their hits on expanding', async () => {
    const provider = await results();
    const many = 'studies/search-many.md';
    const uri = await writeWorkspaceFile(many, `---\nid: search-many\n---\n\n${'A stipend. '.repeat(EXPANDED_UP_TO_HITS)}\n`);
    await waitFor(async () => (await indexSummary())?.studies ?? 0, (count) => count >= 4);
    await provider.search({ pattern: 'stipend', mode: 'words' });
    const studies = provider.getChildren();
    assert.equal(provider.allHits().length, EXPANDED_UP_TO_HITS + 3);
    assert.ok(studies.every((node) => provider.getTreeItem(node).collapsibleState === vscode.TreeItemCollapsibleState.Collapsed));
    assert.equal(provider.getChildren(studies.find((node) => node.kind === 'study' && node.path === many)).length, EXPANDED_UP_TO_HITS);
    await vscode.workspace.fs.delete(uri);
    await waitFor(async () => (await indexSummary())?.studies ?? 0, (count) => count === 3);
    await provider.search({ pattern: 'stipend', mode: 'words' });
    assert.ok(provider.getChildren().every((node) => provider.getTreeItem(node).collapsibleState === vscode.TreeItemCollapsibleState.Expanded), 'a few hits: studies expanded');
  });

  test('search by keyboard, tick two hits, code them, see them marked, undo', async function () {
    if (!hasKeyboard()) this.skip();
    const provider = await results();
    const searching = vscode.commands.executeCommand<number>('qualsynth.searchStudies');
    await keyboard({ waitFor: QUICK_PICK }, { type: 'stipend' }, { press: 'Enter' }, { waitFor: `${QUICK_PICK} .monaco-list-row`, hasText: 'Whole word' }, { press: 'Enter' });
    await searching;
    const nodes = await hitNodes(provider);
    // Two in the paragraph and one in the quote; none in the code block.
    assert.deepEqual(
      nodes.map((node) => labelOf(provider.getTreeItem(node))),
      ['The stipend was low, and a stipend was paid late.', 'The stipend was low, and a stipend was paid late.', '"The stipend? Never enough." (peer worker)'],
    );
    assert.ok(nodes.every((node) => provider.getTreeItem(node).checkboxState === vscode.TreeItemCheckboxState.Unchecked));

    provider.setTicked([
      [nodes[1], true],
      [nodes[2], true],
    ]);
    assert.equal(provider.tickedHits().length, 2);
    const coding = vscode.commands.executeCommand<number>('qualsynth.codeTickedHits', { codes: ['low-pay'], unit: 'match' });
    const [, rows] = await keyboard({ waitFor: FOCUSED_ROW, hasText: 'Code 2 passages in 1 studies with #low-pay \\(match\\)' }, { read: `${QUICK_PICK} .monaco-list-row` }, { press: 'Enter' }, { waitFor: QUICK_PICK, state: 'hidden' });
    assert.ok(rows?.some((row) => row.includes(`${STUDY}:8`) && row.includes('[stipend]')), `the preview names the place: ${rows?.join(' | ')}`);
    assert.equal(await coding, 2);

    const coded = TEXT.replace('and a stipend\n', 'and a [stipend]{#low-pay}\n').replace('"The stipend?', '"The [stipend]{#low-pay}?');
    assert.equal(await studyText(), coded);
    // Results follow the edit: the same three hits, the two coded ones marked.
    await provider.settled();
    const after = await waitFor(
      async () => (await hitNodes(provider)).map((node) => String(provider.getTreeItem(node).description)),
      (descriptions) => descriptions.filter((description) => description.includes('already coded')).length === 2,
    );
    assert.equal(after.length, 3);
    assert.equal(provider.tickedHits().length, 2, 'the ticks survive the re-run');

    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uriOfStudy()));
    await vscode.commands.executeCommand('undo');
    assert.equal(await studyText(), TEXT, 'one undo reverts the whole auto-code');
  });

  test('a study changed while the confirmation is open is refused, and nothing is coded', async function () {
    if (!hasKeyboard()) this.skip();
    const provider = await results();
    assert.equal(await vscode.commands.executeCommand<number>('qualsynth.searchStudies', { pattern: 'stipend', mode: 'words' }), 3);
    assert.equal(provider.allHits().length, 3, 'only this study mentions stipends');
    const document = await vscode.workspace.openTextDocument(uriOfStudy());
    const coding = vscode.commands.executeCommand<number | undefined>('qualsynth.codeAllHits', { codes: ['low-pay'], unit: 'sentence' });
    await keyboard({ waitFor: FOCUSED_ROW, hasText: 'Code 2 passages in 1 studies with #low-pay \\(sentence\\)' });
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(7, 0), 'New words. ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const changed = document.getText();
    await keyboard({ press: 'Enter' }, { waitFor: QUICK_PICK, state: 'hidden' });
    assert.equal(await coding, undefined);
    assert.equal(document.getText(), changed, 'nothing was coded');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), TEXT);
  });

  test('results follow edits: a new mention appears in the tree, ticks stay', async () => {
    const provider = await results();
    assert.equal(await vscode.commands.executeCommand<number>('qualsynth.searchStudies', { pattern: 'stipend', mode: 'words' }), 3);
    const [first] = await hitNodes(provider);
    provider.setTicked([[first, true]]);
    const document = await vscode.workspace.openTextDocument(uriOfStudy());
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(8, 'was paid late.'.length), ' A stipend again.');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const nodes = await waitFor(() => hitNodes(provider), (found) => found.length === 4);
    assert.deepEqual(
      nodes.map((node) => (node.kind === 'hit' ? node.hit.text : '')),
      ['stipend', 'stipend', 'stipend', 'stipend'],
    );
    assert.equal(provider.tickedHits().length, 1, 'the ticked hit is still ticked');
    assert.equal(provider.getTreeItem(nodes[0]).checkboxState, vscode.TreeItemCheckboxState.Checked);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), TEXT);
  });
});
