import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { QualSynthApi } from '../../src/extension';
import { EXTENSION_ID, indexSummary, waitFor, workspaceRoot, writeWorkspaceFile } from './helpers';

/** The counts of `test/fixtures/review-basic` (see its README). */
const FIXTURE = { studies: 2, codes: 4, themes: 5, segments: 5, problems: { error: 0, warning: 0, info: 0 } };

const NEW_STUDY = `---
id: cedar-2015
citation: "Cedar S. Peer work in crisis teams. 2015."
year: 2015
---

## Findings

Workers felt [paid less than the nurses beside them]{#low-pay}.
`;

suite('Activation and the index summary', () => {
  test('activates by itself on a workspace holding a review', async () => {
    const extension = vscode.extensions.getExtension<QualSynthApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in the extension host`);
    // No `extension.activate()`: the workspaceContains activation events must do it.
    const active = await waitFor(() => extension.isActive, (isActive) => isActive);
    assert.ok(active, 'the extension did not activate within 10 s');
    console.log(`QualSynth activated in ${extension.exports.activationMs.toFixed(1)} ms`);
  });

  test('showIndexSummary returns the counts of the fixture', async () => {
    const summary = await indexSummary();
    assert.deepEqual(summary, FIXTURE);
  });

  test('the counts follow a study written through vscode.workspace.fs', async () => {
    const uri = await writeWorkspaceFile('studies/c.md', NEW_STUDY);
    try {
      const added = await waitFor(indexSummary, (summary) => summary?.studies === 3);
      assert.equal(added?.studies, 3);
      assert.equal(added?.segments, FIXTURE.segments + 1);
      assert.equal(added?.codes, FIXTURE.codes);
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    const removed = await waitFor(indexSummary, (summary) => summary?.studies === 2);
    assert.deepEqual(removed, FIXTURE);
  });

  test('the workspace is a copy, never the fixture itself', () => {
    assert.ok(!workspaceRoot().path.includes('/test/fixtures/'), workspaceRoot().toString());
  });
});
