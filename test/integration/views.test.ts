import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QualSynthApi } from '../../src/extension';
import { indexSummary, waitFor, writeWorkspaceFile } from './helpers';
import { itemAt, labelOf, outline, plain, readDisk, resetViews, STUDY, viewsApi, CODEBOOK, type Tree } from './viewHelpers';

suite('Views: the Themes and Studies trees', () => {
  let api: QualSynthApi;
  let themes: Tree;
  let studies: Tree;

  suiteSetup(async () => {
    ({ api, themes, studies } = await viewsApi());
  });
  teardown(resetViews);

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
    assert.equal(code.tooltip, undefined, 'tooltips are made on hover');
    assert.match(plain(themes.resolveTreeItem(code, code).tooltip), /Pay below that of colleagues doing similar work/);
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

  test('nested codes: workers/hours under #workers, children of an undefined parent under a workers/ prefix', async () => {
    const codebook = await readDisk(CODEBOOK);
    const study = await writeWorkspaceFile('studies/views-nested.md', STUDY('views-nested', 'Long [shifts]{#workers/hours} and [late pay]{#workers/pay} and [rotas]{#rosters/night}.'));
    try {
      const nested = '- #workers: Peer workers as employees.\n- #workers/hours: Hours worked.\n- #workers/pay: Pay.\n- #rosters/night: Night rosters.\n';
      await writeWorkspaceFile(CODEBOOK, codebook.replace('- #low-pay: Pay below that of colleagues doing similar work.\n', `- #low-pay: Pay below that of colleagues doing similar work.\n${nested}`));
      const lowPay = ['Experiences of peer support workers', 'Low pay and hours'];
      const lines = await waitFor(() => outline(themes, 4), (found) => found.includes('      #rosters/night — 1 segment · 1 study'));
      assert.ok(lines.includes('  Low pay and hours — 2 studies'), lines.join('\n'));
      assert.deepEqual(await outline(themes, 3, await itemAt(themes, ...lowPay)), [
        '#low-pay — 1 segment · 1 study',
        '  Alder & Byrne 2010 — pay well below that of colleagues doing similar work',
        '#workers — 0 segments · 0 studies',
        '  #workers/hours — 1 segment · 1 study',
        '    Vale 2019 — shifts',
        '  #workers/pay — 1 segment · 1 study',
        '    Vale 2019 — late pay',
        'rosters/ — 1 code',
        '  #rosters/night — 1 segment · 1 study',
        '    Vale 2019 — rotas',
      ]);
      const child = await itemAt(themes, ...lowPay, '#workers', '#workers/pay');
      assert.deepEqual([child.contextValue, (child as { themePath?: readonly string[] }).themePath], ['code', lowPay], 'a nested code is a code of its theme (menus, moves)');
      assert.equal((await itemAt(themes, ...lowPay, 'rosters/')).contextValue, 'codePrefix');
      // Reveal finds a nested code through its parents.
      const found = await api.views.themes.findCode('rosters/night');
      assert.equal(found?.id, (await itemAt(themes, ...lowPay, 'rosters/', '#rosters/night')).id);
    } finally {
      await vscode.workspace.fs.delete(study);
      await writeWorkspaceFile(CODEBOOK, codebook);
    }
    // The next tests start from the fixture: the study and the nested codes gone from both trees.
    await waitFor(() => outline(studies, 1), (lines) => lines.length === 2);
    await waitFor(() => outline(themes, 4), (lines) => !lines.some((line) => /workers|rosters/.test(line)));
  });

  test('a filter by study attribute or by text changes the trees and their counts, and clears', async () => {
    assert.equal(await vscode.commands.executeCommand('qualsynth.filterViews', 'perspective=recipients'), true);
    assert.deepEqual(await outline(themes, 3), ['Experiences of recipients — 1 study', '  Social networks — 1 study', '    #social-network — 2 segments · 1 study']);
    assert.deepEqual(await outline(studies, 1), ['Brook 2012 — 2 segments']);
    // The status bar counts what the views show, at once, and says it is filtered.
    assert.match(api.statusBarText(), /^\$\(filter\) 1 of 2 studies · 1 code · 2 segments {2}\$\(warning\) \d+$/);
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
    assert.match(api.statusBarText(), /^\$\(symbol-key\) 2 studies · \d+ codes · 5 segments {2}\$\(warning\) \d+$/);
    assert.equal((await outline(themes, 3)).length, 9);
  });

  test('the Studies tree: study → codes → segments, attributes in the tooltip, grouping by a list attribute', async () => {
    assert.deepEqual(await outline(studies, 2), [
      'Alder & Byrne 2010 — 3 segments',
      '  #staff-prejudice — 2 segments',
      '  #role-ambiguity — 1 segment',
      '  #low-pay — 1 segment',
      'Brook 2012 — 2 segments',
      '  #social-network — 2 segments',
    ]);
    const study = await itemAt(studies, 'Alder & Byrne 2010');
    assert.equal(study.contextValue, 'study');
    assert.match(plain(studies.resolveTreeItem(study, study).tooltip), /country: UK/);
    assert.deepEqual(await outline(studies, 1, await itemAt(studies, 'Alder & Byrne 2010', '#low-pay')), ['pay well below that of colleagues doing similar work — line 16']);
    const both = await writeWorkspaceFile('studies/views-both.md', STUDY('views-both', 'Both [felt heard]{#social-network}.'));
    try {
      await waitFor(() => outline(studies, 1), (lines) => lines.length === 3);
      assert.equal(await vscode.commands.executeCommand('qualsynth.groupStudiesBy', 'perspective'), true);
      assert.deepEqual(await outline(studies, 2), ['peer workers — 2 studies', '  Alder & Byrne 2010 — 3 segments', '  Vale 2019 — 1 segment', 'recipients — 2 studies', '  Brook 2012 — 2 segments', '  Vale 2019 — 1 segment']);
      assert.equal(api.views.studies.view!.title, 'Studies by perspective');
      await vscode.commands.executeCommand('qualsynth.groupStudiesBy', 'country');
      assert.deepEqual(await outline(studies, 1), ['Canada — 1 study', 'UK — 1 study', '(no country) — 1 study']);
    } finally {
      await vscode.workspace.fs.delete(both);
      // The next tests count segments: wait until the file watcher has told the index.
      await waitFor(indexSummary, (summary) => summary?.studies === 2);
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

});
