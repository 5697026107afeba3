import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { editsBetween } from '../../../src/core/edits/textDiffEdits';
import { applyEdits } from '../../../src/core/edits/textEdit';
import { reconcileReview } from '../../../src/core/reconcile/reconcileReview';
import { loadReconciliation, studyVersions } from '../../../src/node/git/reconcileSources';
import { NodeReviewHost } from '../../../src/node/nodeHost';
import { loadReview } from '../../../src/core/review';
import { runCli } from '../runCli';
import type { TempRepo } from '../git/tempRepo';
import { branchWith, reviewRepo, STUDY } from '../merge/mergeRepo';

const PATH = 'studies/mowbray-2005.md';

const coderA = (text: string): string =>
  text
    .replace('being excluded from team meetings', '[being excluded from team meetings]{#exclusion coder="a"}')
    .replace('the role was tokenistic.', 'the role was tokenistic. #tokenism');
const coderB = (text: string): string =>
  text
    .replace('pay well below that of colleagues', '[pay well below that of colleagues]{#low-pay}')
    .replace('depended on the manager.', 'depended on the manager. #supervision');

describe('reconciliation', function () {
  this.timeout(60_000);
  let repo: TempRepo;
  const read = (path: string): string => readFileSync(repo.path(path), 'utf8');
  beforeEach(async () => {
    repo = await reviewRepo();
    branchWith(repo, 'coder-a', 'main', PATH, coderA, read);
    branchWith(repo, 'coder-b', 'main', PATH, coderB, read);
  });
  afterEach(() => repo.dispose());

  const byLine = async () => {
    const reconciliation = await loadReconciliation(['coder-a', 'coder-b'], repo.root, repo.root);
    const ids = new Map(reconciliation.report.disagreements.map((entry) => [entry.line, entry.id]));
    return { reconciliation, ids };
  };
  const current = async () => studyVersions(await loadReview(new NodeReviewHost(repo.root)));

  it('lists each disagreement once with a stable id and both coders\' codes', async () => {
    const { reconciliation } = await byLine();
    assert.deepEqual(
      reconciliation.report.disagreements.map((entry) => [entry.line, entry.codes, entry.byCoder]),
      [
        [10, ['exclusion', 'low-pay'], [['exclusion'], ['low-pay']]],
        [13, ['tokenism'], [['tokenism'], []]],
        [17, ['supervision'], [[], ['supervision']]],
      ],
    );
    assert.deepEqual((await byLine()).reconciliation.report.disagreements.map((entry) => entry.id), reconciliation.report.disagreements.map((entry) => entry.id));
  });

  it('on the merged branch: keeps one side, both or neither, touching nothing else', async () => {
    repo.git('checkout', '--quiet', '-b', 'reconciled', 'coder-a');
    repo.git('merge', '--quiet', '--no-edit', 'coder-b');
    const merged = read(PATH);
    const { reconciliation, ids } = await byLine();
    const outcome = reconcileReview(reconciliation.report, await current(), reconciliation.coders, new Map([[ids.get(10)!, 'first'], [ids.get(13)!, 'neither'], [ids.get(17)!, 'both']]));
    assert.deepEqual(outcome.missing, []);
    assert.equal(outcome.texts.get(PATH), merged.replace('[pay well below that of colleagues]{#low-pay}', 'pay well below that of colleagues').replace('tokenistic. #tokenism', 'tokenistic.'));
  });

  it('on the uncoded main branch: copies the chosen coder\'s codes (passage and attributes)', async () => {
    const { reconciliation, ids } = await byLine();
    const outcome = reconcileReview(reconciliation.report, await current(), reconciliation.coders, new Map([[ids.get(10)!, 'both'], [ids.get(17)!, 'second'], [ids.get(13)!, 'second']]));
    assert.equal(
      outcome.texts.get(PATH),
      STUDY.replace('being excluded from team meetings', '[being excluded from team meetings]{#exclusion coder="a"}').replace('pay well below that of colleagues', '[pay well below that of colleagues]{#low-pay}').replace('depended on the manager.', 'depended on the manager. #supervision'),
    );
  });

  it('`qualsynth reconcile` prints the list with ids, and applies --accept choices to the working tree', async () => {
    const list = await runCli('reconcile', 'coder-a', 'coder-b', '--dir', repo.root);
    assert.equal(list.code, 0, list.err);
    assert.match(list.out, /^\| Id \| Study \| Line \| Passage \| coder-a \| coder-b \|\n\|---\|---\|---:\|---\|---\|---\|\n\| d[0-9a-f]{8} \| `mowbray-2005` \| 10 \| Peer workers described being excluded/);
    const json = JSON.parse((await runCli('reconcile', 'coder-a', 'coder-b', '--dir', repo.root, '--format', 'json')).out);
    const id = json.disagreements.find((entry: { line: number }) => entry.line === 17).id;
    const applied = await runCli('reconcile', 'coder-a', 'coder-b', '--dir', repo.root, '--accept', `${id}=second`);
    assert.equal(applied.code, 0, applied.err);
    assert.match(applied.out, /Applied 1 choice; 1 study changed\./);
    assert.equal(read(PATH), STUDY.replace('depended on the manager.', 'depended on the manager. #supervision'));
    const bad = await runCli('reconcile', 'coder-a', 'coder-b', '--dir', repo.root, '--accept', 'd00000000=first');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /No disagreement with the id d00000000/);
    assert.equal((await runCli('reconcile', 'coder-a', 'coder-b', '--dir', repo.root, '--accept', `${id}=maybe`)).code, 2);
  });
});

describe('edits between two texts', () => {
  it('touches only the changed characters of each changed run of lines', () => {
    const before = 'one [two]{#a}\nthree\nfour #b\nfive\n';
    const after = 'one [two]{#a #c}\nthree\nfour\nfive\n';
    const edits = editsBetween('s.md', before, after);
    assert.deepEqual(edits, [
      { path: 's.md', start: 12, end: 12, newText: ' #c' },
      { path: 's.md', start: 24, end: 27, newText: '' },
    ]);
    assert.equal(applyEdits(before, edits), after);
    assert.deepEqual(editsBetween('s.md', before, before), []);
  });
});
