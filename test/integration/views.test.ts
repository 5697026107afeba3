import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QualSynthApi } from '../../src/extension';
import type { ViewItem } from '../../src/vscode/views/treeItems';
import { EXTENSION_ID, indexSummary, waitFor, workspaceRoot, writeWorkspaceFile } from './helpers';

/** A provider of either tree, as the tests use it. */
interface Tree {
  getChildren(item?: ViewItem): Promise<ViewItem[]>;
  refreshCount: number;
  readonly refreshPending: boolean;
}

const CODEBOOK = 'codebook.md';
const THEMES_MIME = 'application/vnd.code.tree.qualsynth.themes';

function uriOf(path: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...path.split('/'));
}

function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** Markdown shown as plain text: backslash escapes and `&nbsp;` undone. */
function plain(tooltip: vscode.TreeItem['tooltip']): string {
  const value = typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? '');
  return value.replace(/&nbsp;/g, ' ').replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

/** The tree as indented `label — description` lines, down to `depth` levels. */
async function outline(tree: Tree, depth: number, item?: ViewItem, indent = ''): Promise<string[]> {
  const lines: string[] = [];
  for (const child of await tree.getChildren(item)) {
    lines.push(`${indent}${labelOf(child)} — ${child.description ?? ''}`);
    if (depth > 1) lines.push(...(await outline(tree, depth - 1, child, `${indent}  `)));
  }
  return lines;
}

/** The item reached by following labels from the roots. */
async function itemAt(tree: Tree, ...labels: string[]): Promise<ViewItem> {
  let item: ViewItem | undefined;
  for (const label of labels) {
    const children = await tree.getChildren(item);
    item = children.find((child) => labelOf(child) === label);
    assert.ok(item, `no "${label}" among ${children.map(labelOf).join(', ')}`);
  }
  return item!;
}

async function readDisk(path: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uriOf(path)));
}

async function bufferOf(path: string): Promise<vscode.TextDocument> {
  return vscode.workspace.openTextDocument(uriOf(path));
}

/** Throws away unsaved changes of a file's buffer. */
async function revert(path: string): Promise<void> {
  const document = await bufferOf(path);
  if (!document.isDirty) return;
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  assert.ok(!document.isDirty, `${path} reverted`);
}

/** Waits until a tree's description of an item (found by labels) is `expected`. */
async function descriptionBecomes(tree: Tree, labels: string[], expected: string): Promise<void> {
  const description = await waitFor(
    async () => {
      const children = await outline(tree, labels.length);
      return children.find((line) => line.trim().startsWith(`${labels[labels.length - 1]} — `)) ?? '(missing)';
    },
    (line) => line.endsWith(` — ${expected}`),
  );
  assert.ok(description.endsWith(` — ${expected}`), `${labels.join(' › ')}: ${description}, wanted ${expected}`);
}

/** Waits until neither tree has a redraw pending, and a little more for late updates. */
async function settle(...trees: Tree[]): Promise<void> {
  for (let round = 0; round < 2; round++) {
    await waitFor(() => trees.some((tree) => tree.refreshPending), (pending) => !pending);
    await new Promise((resolve) => setTimeout(resolve, 400));
  }
}

const STUDY = (id: string, body: string) => `---\nid: ${id}\nauthors: [Vale T]\nyear: 2019\nperspective: [peer workers, recipients]\n---\n\n${body}\n`;

suite('Views: Themes and Studies', () => {
  let api: QualSynthApi;
  let themes: Tree;
  let studies: Tree;

  suiteSetup(async () => {
    api = await vscode.extensions.getExtension<QualSynthApi>(EXTENSION_ID)!.activate();
    await indexSummary();
    themes = api.views.themes as unknown as Tree;
    studies = api.views.studies as unknown as Tree;
  });
  teardown(async () => {
    await vscode.commands.executeCommand('qualsynth.clearViewFilter');
    await vscode.commands.executeCommand('qualsynth.groupStudiesBy', null);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the Themes tree: themes, sub-themes and codes in codebook order with counts, ids and tooltips', async () => {
    assert.deepEqual(await outline(themes, 3), [
      'Experiences of peer support workers — 1 study',
      '  Discrimination and prejudice from nonpeer staff — 1 study',
      '    #staff-prejudice — 2 segments · 1 study',
      '    #role-ambiguity — 1 segment · 1 study',
      '  Low pay and hours — 1 study',
      '    #low-pay — 1 segment · 1 study',
      'Experiences of recipients — 1 study',
      '  Social networks — 1 study',
      '    #social-network — 2 segments · 1 study',
    ]);
    const code = await itemAt(themes, 'Experiences of peer support workers', 'Low pay and hours', '#low-pay');
    assert.equal(code.contextValue, 'code');
    assert.match(plain(code.tooltip), /Pay below that of colleagues doing similar work/);
    assert.equal((await itemAt(themes, 'Experiences of recipients')).contextValue, 'theme');
    const again = await itemAt(themes, 'Experiences of peer support workers', 'Low pay and hours', '#low-pay');
    assert.ok(code.id && code.id === again.id, 'ids are stable across calls');
    const ids = (await outline(themes, 1)).length;
    assert.equal(ids, 2, 'no groups: every code is defined and used');
  });

  test('a segment shows its study and an excerpt, and opens the passage with the range selected', async () => {
    const segments = await themes.getChildren(await itemAt(themes, 'Experiences of peer support workers', 'Discrimination and prejudice from nonpeer staff', '#staff-prejudice'));
    assert.deepEqual(
      segments.map((item) => [labelOf(item), item.description, item.contextValue]),
      [
        ['Alder & Byrne 2010', '"They still see me as a client, they talk to me like a client." (peer worker)', 'segment'],
        ['Alder & Byrne 2010', 'being excluded from team meetings', 'segment'],
      ],
    );
    const command = segments[1].command!;
    await vscode.commands.executeCommand(command.command, ...command.arguments!);
    const editor = await waitFor(() => vscode.window.activeTextEditor, (active) => active?.document.uri.path.endsWith('/studies/a.md') === true);
    assert.equal(editor?.document.getText(editor.selection), 'being excluded from team meetings');
  });

  test('Uncategorised and Unused groups; a code filed under two themes shows under both', async () => {
    const codebook = await readDisk(CODEBOOK);
    const study = await writeWorkspaceFile('studies/views-groups.md', STUDY('views-groups', 'Workers spoke of [hope for others]{#peer-hope}.'));
    try {
      await writeWorkspaceFile(CODEBOOK, codebook.replace('through peer workers.\n', 'through peer workers.\n- #low-pay: Also a recipients matter.\n- #mentoring: Being mentored.\n'));
      const roots = await waitFor(() => outline(themes, 1), (lines) => lines.length === 4);
      assert.deepEqual(roots.slice(2), ['Uncategorised codes — 1', 'Unused codes — 1']);
      assert.deepEqual(await outline(themes, 2, await itemAt(themes, 'Uncategorised codes')), ['#peer-hope — 1 segment · 1 study', '  Vale 2019 — hope for others']);
      assert.deepEqual(await outline(themes, 1, await itemAt(themes, 'Unused codes')), ['#mentoring — 0 segments · 0 studies']);
      const first = await itemAt(themes, 'Experiences of peer support workers', 'Low pay and hours', '#low-pay');
      const second = await itemAt(themes, 'Experiences of recipients', 'Social networks', '#low-pay');
      assert.equal(second.description, '1 segment · 1 study');
      assert.notEqual(first.id, second.id);
      assert.equal((await themes.getChildren(await itemAt(themes, 'Unused codes', '#mentoring'))).length, 0);
    } finally {
      await vscode.workspace.fs.delete(study);
      await writeWorkspaceFile(CODEBOOK, codebook);
    }
    await waitFor(() => outline(themes, 1), (lines) => lines.length === 2);
  });

  test('drag and drop of a code onto a theme: one edit of the codebook, the rest byte-identical, left unsaved', async () => {
    const before = await readDisk(CODEBOOK);
    const studyBefore = await readDisk('studies/a.md');
    const line = '- #low-pay: Pay below that of colleagues doing similar work.\n';
    try {
      const code = await itemAt(themes, 'Experiences of peer support workers', 'Low pay and hours', '#low-pay');
      const target = await itemAt(themes, 'Experiences of recipients', 'Social networks');
      const transfer = new vscode.DataTransfer();
      transfer.set(THEMES_MIME, new vscode.DataTransferItem([code]));
      await api.views.dragAndDrop.handleDrop(target as never, transfer);
      const document = await bufferOf(CODEBOOK);
      assert.equal(document.getText(), `${before.replace(line, '')}${line}`);
      assert.ok(document.isDirty, 'the codebook is left unsaved, like any refactoring');
      assert.equal(await readDisk(CODEBOOK), before);
      assert.equal(await readDisk('studies/a.md'), studyBefore);
      await descriptionBecomes(themes, ['Experiences of recipients', 'Social networks', '#low-pay'], '1 segment · 1 study');
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), before, 'one undo reverts the drop');
    } finally {
      await revert(CODEBOOK);
    }
  });

  test('drag and drop of two codes at once, and of a theme onto a theme', async () => {
    const before = await readDisk(CODEBOOK);
    const prejudice = "- #staff-prejudice: Nonpeer staff doubt peer workers' competence or treat them as patients.\n";
    const pay = '- #low-pay: Pay below that of colleagues doing similar work.\n';
    try {
      const codes = [
        await itemAt(themes, 'Experiences of peer support workers', 'Discrimination and prejudice from nonpeer staff', '#staff-prejudice'),
        await itemAt(themes, 'Experiences of peer support workers', 'Low pay and hours', '#low-pay'),
      ];
      const transfer = new vscode.DataTransfer();
      transfer.set(THEMES_MIME, new vscode.DataTransferItem(codes));
      await api.views.dragAndDrop.handleDrop((await itemAt(themes, 'Experiences of recipients', 'Social networks')) as never, transfer);
      assert.equal((await bufferOf(CODEBOOK)).getText(), `${before.replace(prejudice, '').replace(pay, '')}${prejudice}${pay}`);
      await revert(CODEBOOK);
      await waitFor(() => outline(themes, 3), (lines) => lines.includes('    #low-pay — 1 segment · 1 study'));
      const theme = await itemAt(themes, 'Experiences of peer support workers', 'Low pay and hours');
      const themeTransfer = new vscode.DataTransfer();
      themeTransfer.set(THEMES_MIME, new vscode.DataTransferItem([theme]));
      await api.views.dragAndDrop.handleDrop((await itemAt(themes, 'Experiences of recipients')) as never, themeTransfer);
      const section = `## Low pay and hours\n${pay}\n`;
      assert.equal((await bufferOf(CODEBOOK)).getText(), `${before.replace(section, '')}\n${section}`);
      await descriptionBecomes(themes, ['Experiences of recipients', 'Low pay and hours'], '1 study');
    } finally {
      await revert(CODEBOOK);
    }
  });

  test('Move Code to Theme…, New Theme… and New Sub-theme… edit the codebook buffer', async () => {
    const before = await readDisk(CODEBOOK);
    const pay = '- #low-pay: Pay below that of colleagues doing similar work.\n';
    try {
      assert.equal(await vscode.commands.executeCommand('qualsynth.moveCodeToTheme', 'low-pay', ['Experiences of recipients', 'Social networks']), true);
      const document = await bufferOf(CODEBOOK);
      assert.equal(document.getText(), `${before.replace(pay, '')}${pay}`);
      await revert(CODEBOOK);
      assert.equal(await vscode.commands.executeCommand('qualsynth.newTheme', 'Services'), true);
      assert.equal(await vscode.commands.executeCommand('qualsynth.newSubtheme', await itemAt(themes, 'Experiences of peer support workers'), 'Careers'), true);
      assert.equal((await bufferOf(CODEBOOK)).getText(), before.replace('\n# Experiences of recipients', '\n## Careers\n\n# Experiences of recipients') + '\n# Services\n');
      const roots = await waitFor(() => outline(themes, 1), (lines) => lines.length === 3);
      assert.equal(roots[2], 'Services — 0 studies');
    } finally {
      await revert(CODEBOOK);
    }
  });

  test('a filter by study attribute or by text changes the trees and their counts, and clears', async () => {
    assert.equal(await vscode.commands.executeCommand('qualsynth.filterViews', 'perspective=recipients'), true);
    assert.deepEqual(await outline(themes, 3), ['Experiences of recipients — 1 study', '  Social networks — 1 study', '    #social-network — 2 segments · 1 study']);
    assert.deepEqual(await outline(studies, 1), ['Brook 2012 — 1 code']);
    const themesView = api.views.themes.view!;
    assert.equal(themesView.description, 'perspective=recipients');
    assert.equal(await vscode.commands.executeCommand('qualsynth.filterViews', 'perspective=nobody'), true);
    assert.deepEqual(await outline(themes, 1), []);
    assert.match(themesView.message ?? '', /Nothing matches the filter perspective=nobody/);
    await vscode.commands.executeCommand('qualsynth.filterViews', '');
    await vscode.commands.executeCommand('qualsynth.filterViewsByText', 'excluded');
    assert.equal(themesView.description, '"excluded"');
    assert.deepEqual(await outline(themes, 4), [
      'Experiences of peer support workers — 1 study',
      '  Discrimination and prejudice from nonpeer staff — 1 study',
      '    #staff-prejudice — 1 segment · 1 study',
      '      Alder & Byrne 2010 — being excluded from team meetings',
      '    #role-ambiguity — 1 segment · 1 study',
      '      Alder & Byrne 2010 — being excluded from team meetings',
    ]);
    await vscode.commands.executeCommand('qualsynth.filterViewsByText', 'wider social');
    assert.deepEqual(await outline(themes, 3), ['Experiences of recipients — 1 study', '  Social networks — 1 study', '    #social-network — 2 segments · 1 study'], 'a definition match shows every segment');
    await vscode.commands.executeCommand('qualsynth.clearViewFilter');
    assert.equal(themesView.description, undefined);
    assert.equal((await outline(themes, 3)).length, 9);
  });

  test('the Studies tree: study → codes → segments, attributes in the tooltip, grouping by a list attribute', async () => {
    assert.deepEqual(await outline(studies, 2), [
      'Alder & Byrne 2010 — 3 codes',
      '  #staff-prejudice — 2 segments',
      '  #role-ambiguity — 1 segment',
      '  #low-pay — 1 segment',
      'Brook 2012 — 1 code',
      '  #social-network — 2 segments',
    ]);
    const study = await itemAt(studies, 'Alder & Byrne 2010');
    assert.equal(study.contextValue, 'study');
    assert.match(plain(study.tooltip), /country: UK/);
    assert.deepEqual(await outline(studies, 1, await itemAt(studies, 'Alder & Byrne 2010', '#low-pay')), ['pay well below that of colleagues doing similar work — line 16']);
    const both = await writeWorkspaceFile('studies/views-both.md', STUDY('views-both', 'Both [felt heard]{#social-network}.'));
    try {
      await waitFor(() => outline(studies, 1), (lines) => lines.length === 3);
      assert.equal(await vscode.commands.executeCommand('qualsynth.groupStudiesBy', 'perspective'), true);
      assert.deepEqual(await outline(studies, 2), ['peer workers — 2 studies', '  Alder & Byrne 2010 — 3 codes', '  Vale 2019 — 1 code', 'recipients — 2 studies', '  Brook 2012 — 1 code', '  Vale 2019 — 1 code']);
      assert.equal(api.views.studies.view!.title, 'Studies by perspective');
      await vscode.commands.executeCommand('qualsynth.groupStudiesBy', 'country');
      assert.deepEqual(await outline(studies, 1), ['Canada — 1 study', 'UK — 1 study', '(no country) — 1 study']);
    } finally {
      await vscode.workspace.fs.delete(both);
    }
  });

  test('the trees refresh after a study is created, changed and deleted', async () => {
    const labels = ['Experiences of peer support workers', 'Low pay and hours', '#low-pay'];
    const refreshes = themes.refreshCount;
    const uri = await writeWorkspaceFile('studies/views-live.md', STUDY('views-live', 'Paid [less]{#low-pay}.'));
    try {
      await descriptionBecomes(themes, labels, '2 segments · 2 studies');
      await waitFor(() => themes.refreshCount, (count) => count > refreshes);
      assert.ok(themes.refreshCount > refreshes, 'onDidChangeTreeData fired');
      await writeWorkspaceFile('studies/views-live.md', STUDY('views-live', 'Paid [less]{#low-pay} and [late]{#low-pay}.'));
      await descriptionBecomes(themes, labels, '3 segments · 2 studies');
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await descriptionBecomes(themes, labels, '1 segment · 1 study');
  });

  test('no refresh storm: 50 studies written in waves (as a checkout does), then deleted at once, cause a handful of refreshes', async () => {
    const lowPay = ['Experiences of peer support workers', 'Low pay and hours', '#low-pay'];
    await settle(themes, studies);
    const start = { themes: themes.refreshCount, studies: studies.refreshCount };
    const paths = Array.from({ length: 50 }, (_, n) => `studies/views-storm-${n}.md`);
    // Five waves 150 ms apart: each reaches the index as its own batch of file events.
    for (let wave = 0; wave < 5; wave++) {
      await Promise.all(paths.slice(wave * 10, wave * 10 + 10).map((path, n) => writeWorkspaceFile(path, STUDY(`views-storm-${wave}-${n}`, `Storm [${n}]{#low-pay}.`))));
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await descriptionBecomes(themes, lowPay, '51 segments · 51 studies');
    await settle(themes, studies);
    const created = { themes: themes.refreshCount - start.themes, studies: studies.refreshCount - start.studies };
    await Promise.all(paths.map((path) => vscode.workspace.fs.delete(uriOf(path))));
    await descriptionBecomes(themes, lowPay, '1 segment · 1 study');
    await settle(themes, studies);
    const deleted = themes.refreshCount - start.themes - created.themes;
    console.log(`refreshes for 50 files: created in 5 waves ${created.themes} (Studies view ${created.studies}), deleted at once ${deleted}`);
    assert.ok(created.themes >= 1 && created.themes <= 3, `${created.themes} Themes refreshes for 50 new files`);
    assert.ok(created.studies >= 1 && created.studies <= 3, `${created.studies} Studies refreshes for 50 new files`);
    assert.ok(deleted >= 1 && deleted <= 3, `${deleted} refreshes for 50 deleted files`);
  });

  test('no refresh storm while typing: 40 keystrokes in a study redraw the trees about once a second at most', async () => {
    const uri = await writeWorkspaceFile('studies/views-typing.md', STUDY('views-typing', 'Typed [here]{#low-pay}: '));
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await descriptionBecomes(themes, ['Experiences of peer support workers', 'Low pay and hours', '#low-pay'], '2 segments · 2 studies');
      await settle(themes, studies);
      const start = themes.refreshCount;
      const started = performance.now();
      for (let key = 0; key < 40; key++) {
        await editor.edit((builder) => builder.insert(editor.document.lineAt(editor.document.lineCount - 2).range.end, 'x'));
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
      const typingMs = performance.now() - started;
      await settle(themes, studies);
      const refreshes = themes.refreshCount - start;
      console.log(`refreshes while typing 40 characters in ${typingMs.toFixed(0)} ms: ${refreshes}`);
      assert.ok(refreshes >= 1 && refreshes <= Math.ceil(typingMs / 1000) + 1, `${refreshes} refreshes in ${typingMs.toFixed(0)} ms of typing`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.workspace.fs.delete(uri);
    }
  });

  test('qualsynth.revealCode (the hover link) selects the code in the Themes view', async () => {
    assert.equal(await vscode.commands.executeCommand('qualsynth.revealCode', 'low-pay'), true);
    const view = api.views.themes.view!;
    const selected = await waitFor(() => view.selection, (selection) => selection.length === 1);
    assert.equal(selected[0].kind, 'code');
    assert.equal(labelOf(selected[0]), '#low-pay');
    assert.equal(labelOf(selected[0].parent!), 'Low pay and hours');
    assert.ok(view.visible, 'the Themes view is shown');
    assert.equal(await vscode.commands.executeCommand('qualsynth.revealCode', 'no-such-code'), false);
  });

  test('Copy Quotes puts Markdown quotes with citations on the clipboard', async () => {
    const code = await itemAt(themes, 'Experiences of peer support workers', 'Discrimination and prejudice from nonpeer staff', '#staff-prejudice');
    const markdown = await vscode.commands.executeCommand<string>('qualsynth.copyQuotes', code, [code]);
    const expected = '> "They still see me as a client, they talk to me like a client." (peer worker) — (Alder & Byrne 2010)\n\n> being excluded from team meetings — (Alder & Byrne 2010)';
    assert.equal(markdown, expected);
    assert.equal(await vscode.env.clipboard.readText(), expected);
  });

  test('Show All Segments opens a read-only document beside, one section per study', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('qualsynth.showAllSegments', await itemAt(themes, 'Experiences of recipients'));
    assert.equal(document.uri.scheme, 'qualsynth-segments');
    assert.equal(document.languageId, 'markdown');
    const text = document.getText();
    assert.match(text, /^# Experiences of recipients — 2 segments in 1 study\n/);
    assert.match(text, /\n## Brook 2012 · studies\/b\.md\n\n> "I've got more friends now than I had in years\." \(recipient\)\n\nLine 12 · participants' words \(first-order\) · #social-network\n/);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), document.uri.toString());
  });

  test('Reveal in Codebook opens the codebook at the definition', async () => {
    assert.equal(await vscode.commands.executeCommand('qualsynth.revealInCodebook', await itemAt(themes, 'Experiences of peer support workers', 'Low pay and hours', '#low-pay')), true);
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith('/codebook.md'));
    assert.equal(editor.selection.start.line, 11);
  });

  test('benchmark: first-level getChildren and file change → refreshed tree on QUALSYNTH_BENCH_REVIEW', async function () {
    if (!process.env.QUALSYNTH_BENCH_REVIEW) return this.skip();
    this.timeout(120_000);
    const summary = await indexSummary();
    const timings = { themes: [] as number[], studies: [] as number[], change: [] as number[] };
    for (let round = 0; round < 5; round++) {
      api.views.themes.refresh();
      let started = performance.now();
      await themes.getChildren();
      timings.themes.push(performance.now() - started);
      api.views.studies.refresh();
      started = performance.now();
      await studies.getChildren();
      timings.studies.push(performance.now() - started);
    }
    const study = (await studies.getChildren())[0];
    assert.ok(study && study.kind === 'study');
    const path = study.study.path;
    const original = await readDisk(path);
    try {
      for (let round = 0; round < 5; round++) {
        const marker = `bench-change-${round}`;
        const refreshes = themes.refreshCount;
        const started = performance.now();
        await writeWorkspaceFile(path, `${original}\n\n[bench]{#${marker}}\n`);
        await waitFor(() => themes.refreshCount, (count) => count > refreshes, 30_000);
        const roots = await themes.getChildren();
        const group = roots.find((item) => item.kind === 'group' && item.group === 'uncategorised');
        assert.ok(group && (await themes.getChildren(group)).some((item) => labelOf(item) === `#${marker}`));
        timings.change.push(performance.now() - started);
      }
    } finally {
      await writeWorkspaceFile(path, original);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1].toFixed(1);
    console.log(
      `views on ${summary?.studies} studies, ${summary?.codes} codes, ${summary?.segments} segments (median of 5, ms): ` +
        `Themes roots ${median(timings.themes)} (max ${Math.max(...timings.themes).toFixed(1)}); Studies roots ${median(timings.studies)}; ` +
        `file change → refreshed tree ${median(timings.change)} (max ${Math.max(...timings.change).toFixed(1)})`,
    );
  });
});
