import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, workspaceRoot, writeWorkspaceFile } from './helpers';
import { hasKeyboard, keyboard } from './keyboard';
import { itemAt, labelOf, outline, plain, readDisk, resetViews, viewsApi, CODEBOOK, type Tree } from './viewHelpers';

const MEMO = 'memos/pay-recognition.md';
const MEMO_TEXT = [
  '---',
  'title: Pay as recognition',
  'author: PR',
  'date: 2012-05-16',
  'about:',
  '  codes: [low-pay]',
  '  themes: ["Experiences of peer support workers > Low pay and hours"]',
  '  studies: [alder-2010]',
  '---',
  'Low pay (#low-pay) reads as a lack of recognition.',
  '',
].join('\n');

/** The text a document holds now (open or not). */
async function textOf(path: string): Promise<string> {
  return (await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), ...path.split('/')))).getText();
}

/** Deletes a workspace file if it is there. */
async function remove(path: string): Promise<void> {
  await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), ...path.split('/'))).then(undefined, () => undefined);
}

/** Today as New Memo… writes it. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Runs New Memo… on `argument`, typing the title where the runner has a keyboard; resolves to the new memo's path. */
async function newMemo(argument: unknown, title: string): Promise<string> {
  const running = vscode.commands.executeCommand<string | undefined>('qualsynth.newMemo', argument, ...(hasKeyboard() ? [] : [title]));
  if (hasKeyboard()) await keyboard({ waitFor: '.quick-input-widget input' }, { press: 'ControlOrMeta+a' }, { type: title }, { press: 'Enter' });
  const path = await running;
  assert.ok(path, 'New Memo… made a memo');
  return path;
}

suite('Memos: views, hover, New Memo and rename through memos', () => {
  let themes: Tree;
  let studies: Tree;

  suiteSetup(async () => {
    ({ themes, studies } = await viewsApi());
  });
  setup(async () => {
    await writeWorkspaceFile(MEMO, MEMO_TEXT);
    const lines = await waitFor(() => outline(themes, 2), (found) => found.some((line) => line.includes('Low pay and hours') && line.endsWith('· 1 memo')));
    assert.ok(lines.some((line) => line.includes('Low pay and hours') && line.endsWith('· 1 memo')), `the memo reached the Themes view: ${lines.join(' | ')}`);
  });
  teardown(async () => {
    await resetViews();
    await remove(MEMO);
    // The index hears of the deletion before the next test writes the memo again: the web
    // worker host's watcher reports later, and a late delete would take the new memo away.
    await waitFor(() => outline(themes, 2), (found) => !found.some((line) => line.includes('Low pay and hours') && line.endsWith('memo')));
  });

  test('memos stand first under their theme, code and study, with a note icon and a count', async () => {
    const theme = await itemAt(themes, 'Experiences of peer support workers', 'Low pay and hours');
    assert.equal(theme.description, '1 study · 1 memo');
    const underTheme = await themes.getChildren(theme);
    assert.deepEqual(underTheme.map((item) => [labelOf(item), item.description, item.contextValue]), [
      ['Pay as recognition', 'PR · 2012-05-16', 'memo'],
      ['#low-pay', '1 segment · 1 study · 1 memo', 'code'],
    ]);
    assert.equal((underTheme[0].iconPath as vscode.ThemeIcon).id, 'note');
    const underCode = await themes.getChildren(underTheme[1]);
    assert.equal(labelOf(underCode[0]), 'Pay as recognition');
    assert.equal(underCode[0].contextValue, 'memo');
    const study = await itemAt(studies, 'Alder & Byrne 2010');
    assert.match(String(study.description), /· 1 memo$/);
    const underStudy = await studies.getChildren(study);
    assert.equal(labelOf(underStudy[0]), 'Pay as recognition');
    assert.match(plain(themes.resolveTreeItem(underCode[0], underCode[0]).tooltip), /Low pay \(#low-pay\) reads as a lack of recognition\./);
    // A click opens the memo.
    const command = underTheme[0].command!;
    await vscode.commands.executeCommand(command.command, ...command.arguments!);
    const editor = await waitFor(() => vscode.window.activeTextEditor, (active) => active?.document.uri.path.endsWith(`/${MEMO}`) === true);
    assert.equal(editor?.document.getText(), MEMO_TEXT);
    // A memo is never coded data: the code's segment count is unchanged.
    assert.equal((await itemAt(themes, 'Experiences of peer support workers', 'Low pay and hours', '#low-pay')).description, '1 segment · 1 study · 1 memo');
  });

  test('hover on a tag and on a theme heading shows its memos’ first lines', async () => {
    const study = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'studies', 'a.md')));
    const tag = study.document.positionAt(study.document.getText().indexOf('#low-pay') + 2);
    const onTag = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', study.document.uri, tag);
    const tagText = onTag.flatMap((hover) => hover.contents.map((content) => plain(content as vscode.MarkdownString))).join('\n');
    assert.match(tagText, /Memos[\s\S]*Pay as recognition_? \(PR, 2012-05-16\): Low pay \(#low-pay\) reads as a lack of recognition\./);
    const codebook = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), CODEBOOK));
    const heading = codebook.positionAt(codebook.getText().indexOf('## Low pay and hours') + 5);
    const onTheme = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', codebook.uri, heading);
    const themeText = onTheme.flatMap((hover) => hover.contents.map((content) => plain(content as vscode.MarkdownString))).join('\n');
    assert.match(themeText, /Experiences of peer support workers › Low pay and hours[\s\S]*Pay as recognition/);
    // A heading without memos has no memo hover.
    const other = codebook.positionAt(codebook.getText().indexOf('## Social networks') + 5);
    const none = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', codebook.uri, other);
    assert.ok(!none.some((hover) => hover.contents.some((content) => plain(content as vscode.MarkdownString).includes('Memos'))));
  });

  test('New Memo… from a code in the Themes view creates the memo as one edit, whole file as expected', async () => {
    const code = await itemAt(themes, 'Experiences of peer support workers', 'Low pay and hours', '#low-pay');
    const path = await newMemo(code, 'Pay and benefits');
    try {
      assert.equal(path, 'memos/pay-and-benefits.md');
      const editor = await waitFor(() => vscode.window.activeTextEditor, (active) => active?.document.uri.path.endsWith(`/${path}`) === true);
      const expected = `---\ntitle: "Pay and benefits"\ndate: ${today()}\nabout:\n  codes: ["low-pay"]\n---\n\n`;
      assert.equal(editor!.document.getText(), expected);
      assert.ok(editor!.document.isDirty, 'left unsaved for the reviewer to write and save');
      assert.deepEqual(editor!.selection.active, editor!.document.positionAt(expected.length), 'the cursor where the memo’s text goes');
      await editor!.document.save();
      const code = await waitFor(() => itemAt(themes, 'Experiences of peer support workers', 'Low pay and hours', '#low-pay'), (item) => item.description === '1 segment · 1 study · 2 memos');
      assert.equal(code.description, '1 segment · 1 study · 2 memos');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await remove(path);
    }
  });

  test('New Memo… on a selection links the memo to the study and line, with the passage quoted', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'studies', 'a.md')));
    const text = editor.document.getText();
    const start = text.indexOf('being excluded from team meetings');
    editor.selection = new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + 'being excluded from team meetings'.length));
    const line = editor.selection.start.line + 1;
    const path = await newMemo(undefined, 'Exclusion as a signal');
    try {
      const memo = await waitFor(() => vscode.window.activeTextEditor, (active) => active?.document.uri.path.endsWith(`/${path}`) === true);
      assert.equal(memo!.document.getText(), `---\ntitle: "Exclusion as a signal"\ndate: ${today()}\nabout:\n  studies: ["alder-2010"]\n  codes: ["staff-prejudice", "role-ambiguity"]\n---\n\n> being excluded from team meetings\n\n([studies/a.md:${line}](../studies/a.md#L${line}))\n\n`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await remove(path);
    }
  });

  test('rename (F2) of a code renames it in the memo too, in the same undoable edit (whole files)', async () => {
    const paths = ['studies/a.md', CODEBOOK, MEMO];
    const before = new Map(await Promise.all(paths.map(async (path) => [path, await readDisk(path)] as [string, string])));
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'studies', 'a.md')));
    try {
      const position = editor.document.positionAt(editor.document.getText().indexOf('#low-pay') + 3);
      const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', editor.document.uri, position, 'pay/low');
      assert.deepEqual(edit.entries().map(([uri]) => uri.path.slice(workspaceRoot().path.length + 1)).sort(), [CODEBOOK, MEMO, 'studies/a.md']);
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.equal(await textOf(MEMO), MEMO_TEXT.replace('codes: [low-pay]', 'codes: [pay/low]').replace('(#low-pay)', '(#pay/low)'));
      assert.equal(await textOf('studies/a.md'), before.get('studies/a.md')!.replaceAll('#low-pay', '#pay/low'));
      assert.equal(await textOf(CODEBOOK), before.get(CODEBOOK)!.replace('#low-pay:', '#pay/low:'));
      // One undo reverts it in every file, the memo included.
      await vscode.commands.executeCommand('undo');
      for (const path of paths) assert.equal(await textOf(path), before.get(path), `${path} after undo`);
    } finally {
      for (const [path, text] of before) {
        const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), ...path.split('/')));
        if (document.getText() !== text) {
          const restore = new vscode.WorkspaceEdit();
          restore.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), text);
          await vscode.workspace.applyEdit(restore);
        }
        if (document.isDirty) await document.save();
      }
    }
  });

  test('a study reference (@study-id) in a memo links to the study, goes to its id line, and finds every memo naming it; an unknown id is a warning at the name', async () => {
    const path = 'memos/cites.md';
    const text = '---\nabout: review\n---\nAs @alder-2010 says [@alder-2010, p. 3], unlike @alder-2011; mail pr@uni.ac.uk.\n';
    const uri = await writeWorkspaceFile(path, text);
    try {
      const diagnostics = await waitFor(() => vscode.languages.getDiagnostics(uri), (list) => list.length > 0);
      const offsetOf = (needle: string, from = 0): number => text.indexOf(needle, from) + 1;
      const document = await vscode.workspace.openTextDocument(uri);
      const rangeOf = (offset: number, length: number): vscode.Range => new vscode.Range(document.positionAt(offset), document.positionAt(offset + length));
      assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range]), [['memo-unknown-target', vscode.DiagnosticSeverity.Warning, rangeOf(offsetOf('@alder-2011'), 'alder-2011'.length)]]);
      const first = offsetOf('@alder-2010');
      const second = offsetOf('@alder-2010', first);
      const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', uri);
      const studyLinks = links.filter((link) => link.target?.path.endsWith('/studies/a.md'));
      assert.deepEqual(studyLinks.map((link) => link.range), [rangeOf(first, 10), rangeOf(second, 10)], 'a link at each reference to the study, none at the unknown id');
      const study = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), 'studies', 'a.md'));
      const idLine = study.getText().split('\n').findIndex((line) => line.startsWith('id:'));
      const definitions = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', uri, document.positionAt(first + 3));
      assert.deepEqual(definitions.map((found) => ('uri' in found ? [found.uri.path.endsWith('/studies/a.md'), found.range.start.line] : [])), [[true, idLine]]);
      // On the bare reference (Markdown's own provider answers on a bracketed one too); other tests' memos left out.
      const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', uri, document.positionAt(first + 2));
      const where = references.filter((found) => [path, MEMO, 'studies/a.md'].some((name) => found.uri.path.endsWith(`/${name}`))).map((found) => `${found.uri.path.slice(workspaceRoot().path.length + 1)}:${found.range.start.line}:${found.range.start.character}`).sort();
      const memoStudies = MEMO_TEXT.indexOf('alder-2010');
      assert.deepEqual(where, [`${path}:3:${document.positionAt(first).character}`, `${path}:3:${document.positionAt(second).character}`, `${MEMO}:7:${memoStudies - MEMO_TEXT.lastIndexOf('\n', memoStudies) - 1}`, `studies/a.md:${idLine}:0`].sort());
      // From the study's id line, the memos that name it.
      const fromStudy = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', study.uri, new vscode.Position(idLine, 5));
      assert.equal(fromStudy.filter((found) => found.uri.path.endsWith(`/${path}`)).length, 2);
    } finally {
      await remove(path);
    }
  });

  test('a memo about a code the review does not have is a warning at the name', async () => {
    const uri = await writeWorkspaceFile('memos/typo.md', '---\nabout:\n  codes: [low-pya]\n---\nText.\n');
    try {
      const diagnostics = await waitFor(() => vscode.languages.getDiagnostics(uri), (list) => list.length > 0);
      assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.range.end.character]), [['memo-unknown-target', vscode.DiagnosticSeverity.Warning, 2, 10, 17]]);
      // The quick fix offers the closest code, and applies as one edit of the name (whole file).
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(2, 12, 2, 12));
      const change = actions.find((action) => action.title === 'Change to low-pay');
      assert.ok(change?.edit, `a quick fix to the closest code: ${actions.map((action) => action.title).join(' | ')}`);
      assert.ok(await vscode.workspace.applyEdit(change.edit));
      assert.equal(await textOf('memos/typo.md'), '---\nabout:\n  codes: [low-pay]\n---\nText.\n');
      await (await vscode.workspace.openTextDocument(uri)).save();
    } finally {
      await remove('memos/typo.md');
    }
  });
});
