import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { StudiesPlan } from '../../src/core/scaffold/studiesFromReferences';
import { indexSummary, waitFor, workspaceRoot, writeWorkspaceFile } from './helpers';

/** A Zotero RIS export: two new studies, one a study of the fixture already has (by DOI). */
const RIS = `TY  - JOUR
TI  - Peer support in Østfold: experiences of peer workers
AU  - Østergaard, Søren
AU  - Müller-Lüdenscheidt, Jürgen
T2  - Nordic Journal of Psychiatry
PY  - 2011
DO  - 10.3109/08039488.2010.486444
ER  - 

TY  - RPRT
TI  - Peer support workers: a guide to implementation
AU  - World Health Organization
PY  - 2021
ER  - 

TY  - JOUR
TI  - Peer support in Østfold: experiences of peer workers (duplicate)
AU  - Østergaard, S.
PY  - 2011
DO  - https://doi.org/10.3109/08039488.2010.486444
ER  - 
`;

suite('Manuscript: studies from references, the Word report', () => {
  suiteSetup(() => waitFor(indexSummary, (summary) => summary?.studies === 2));
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test('New Studies from References creates one study per new record in one workspace edit', async () => {
    const refs = await writeWorkspaceFile('refs-scratch.ris', RIS);
    const created: vscode.Uri[][] = [];
    const listener = vscode.workspace.onDidCreateFiles((event) => created.push([...event.files]));
    try {
      const plan = await vscode.commands.executeCommand<StudiesPlan>('qualsynth.newStudiesFromReferences', refs);
      assert.deepEqual(plan.created.map((study) => study.path), ['studies/ostergaard-2011.md', 'studies/world-health-organization-2021.md']);
      assert.deepEqual(plan.skipped.map((record) => [record.record, record.reason]), [[3, 'DOI 10.3109/08039488.2010.486444 is already in record 1 of the file (studies/ostergaard-2011.md)']]);
      assert.equal(created.length, 1, 'one workspace edit');
      assert.deepEqual(created[0].map((uri) => uri.path.split('/').slice(-2).join('/')), ['studies/ostergaard-2011.md', 'studies/world-health-organization-2021.md']);
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), 'studies', 'ostergaard-2011.md')));
      assert.match(text, /^---\nid: ostergaard-2011\ntype: article-journal\ntitle: 'Peer support in Østfold: experiences of peer workers'\nauthor:\n {2}- family: Østergaard\n {4}given: Søren\n/);
      await waitFor(indexSummary, (summary) => summary?.studies === 4);
      const again = await vscode.commands.executeCommand<StudiesPlan>('qualsynth.newStudiesFromReferences', refs);
      assert.equal(again.created.length, 0, 'a second import finds every record in the review');
    } finally {
      listener.dispose();
      for (const name of ['ostergaard-2011.md', 'world-health-organization-2021.md']) await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'studies', name)).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(refs);
    }
    await waitFor(indexSummary, (summary) => summary?.studies === 2);
  });

  test('Compile Synthesis Report writes the Word report when docx is among the formats', async () => {
    const settings = vscode.workspace.getConfiguration('qualsynth.report');
    await settings.update('formats', ['md', 'docx'], vscode.ConfigurationTarget.Workspace);
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri[]>('qualsynth.compileReport');
      assert.deepEqual(written.map((uri) => uri.path.split('/').pop()), ['synthesis.md', 'thematic-map.svg', 'studies-themes.svg', 'themes-by-attribute.svg', 'code-frequencies.svg', 'synthesis.docx']);
      const docx = await vscode.workspace.fs.readFile(written[written.length - 1]);
      assert.deepEqual([...docx.slice(0, 2)], [0x50, 0x4b], 'a zip package');
      assert.ok(docx.length > 5000);
    } finally {
      await settings.update('formats', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), 'reports'), { recursive: true });
    }
  });
});
