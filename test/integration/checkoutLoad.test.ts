import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { NodeReviewHost } from '../../src/node/nodeHost';
import { loadReview } from '../../src/core/review';
import type { QualSynthApi } from '../../src/extension';
import { EXTENSION_ID, indexSummary, waitFor, workspaceRoot } from './helpers';

const COUNT = 1000;

/** A small study; `variant` changes its coding so a checkout rewrites every file. */
function study(n: number, variant: 'a' | 'b'): string {
  const code = variant === 'a' ? 'low-pay' : 'staff-prejudice';
  return `---\nid: load-${n}\nyear: ${2000 + (n % 20)}\n---\n\n> "Quote ${n}." #${code}\n\nAuthors saw [passage ${n}]{#role-ambiguity}${variant === 'b' && n % 10 === 0 ? ' and #load-extra' : ''}.\n`;
}

suite('Load: a git checkout that rewrites 1,000 study files while the extension runs', () => {
  const root = () => workspaceRoot().fsPath;
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root(), encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@x' } });
  const folder = () => path.join(root(), 'studies', 'load');

  suiteTeardown(async () => {
    rmSync(folder(), { recursive: true, force: true });
    rmSync(path.join(root(), '.git'), { recursive: true, force: true });
    await waitFor(indexSummary, (summary) => summary?.studies === 2, 30_000);
  });

  test('the index ends equal to a fresh index, without a refresh storm', async function () {
    this.timeout(180_000);
    const api = await vscode.extensions.getExtension<QualSynthApi>(EXTENSION_ID)!.activate();
    mkdirSync(folder(), { recursive: true });
    for (let n = 0; n < COUNT; n++) writeFileSync(path.join(folder(), `load-${n}.md`), study(n, 'a'));
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'variant a');
    git('checkout', '-q', '-b', 'variant-b');
    for (let n = 0; n < COUNT; n++) writeFileSync(path.join(folder(), `load-${n}.md`), study(n, 'b'));
    git('commit', '-q', '-am', 'variant b');
    git('checkout', '-q', 'main');
    await waitFor(indexSummary, (summary) => summary?.studies === COUNT + 2, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const themes = api.views.themes;
    const before = themes.refreshCount;
    const started = Date.now();
    git('checkout', '-q', 'variant-b');
    const fresh = await loadReview(new NodeReviewHost(root()));
    const expected = fresh.index.summary();
    const settled = await waitFor(indexSummary, (summary) => JSON.stringify(summary) === JSON.stringify(expected), 60_000);
    const tookMs = Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const refreshes = themes.refreshCount - before;
    console.log(`checkout of ${COUNT} files: index equal to a fresh index after ${tookMs} ms; ${refreshes} Themes view refreshes`);
    assert.deepEqual(settled, expected);
    assert.equal(settled?.problems.error, 0);
    assert.equal(settled?.codes, expected.codes);
    assert.ok(refreshes >= 1 && refreshes <= 10, `${refreshes} refreshes`);
    // Every tenth study of variant b uses an undefined code: exactly those files warn.
    const warned = await waitFor(() => vscode.languages.getDiagnostics().filter(([uri, list]) => uri.path.includes('/studies/load/') && list.length > 0).length, (count) => count === COUNT / 10, 10_000);
    assert.equal(warned, COUNT / 10);
  });
});
