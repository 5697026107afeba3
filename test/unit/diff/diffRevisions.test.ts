import { strict as assert } from 'node:assert';
import { runCli } from '../runCli';
import { renderDiffMarkdown } from '../../../src/core/diff/diffMarkdown';
import { isEmptyDiff } from '../../../src/core/diff/diffModel';
import { diffRevisions } from '../../../src/node/git/diffRevisions';
import type { TempRepo } from '../git/tempRepo';
import { makeReviewHistory, REVIEW } from './reviewHistory';

const cli = runCli;

describe('coding diff between git revisions', function () {
  this.timeout(10_000);
  let repo: TempRepo;
  let v1: string;
  let v2: string;

  before(() => {
    repo = makeReviewHistory();
    v1 = repo.git('rev-parse', 'v1');
    v2 = repo.git('rev-parse', 'v2');
  });
  after(() => repo.dispose());

  it('reports every study, codebook and coding change between two tags', async () => {
    const diff = await diffRevisions(repo.path(REVIEW), 'v1', 'v2');
    assert.deepStrictEqual(JSON.parse(JSON.stringify(diff)), {
      version: 1,
      from: { label: 'v1', commit: v1 },
      to: { label: 'v2', commit: v2 },
      totals: { studies: { before: 3, after: 3 }, themes: { before: 5, after: 6 }, codes: { before: 5, after: 5 }, segments: { before: 6, after: 6 } },
      studies: {
        added: [{ id: 'delta', path: 'studies/delta.md' }],
        removed: [{ id: 'gamma', path: 'studies/gamma.md' }],
        renamed: [{ from: { id: 'beta', path: 'studies/beta.md' }, to: { id: 'beta-2003', path: 'studies/beta-2003.md' } }],
      },
      codebook: {
        themesAdded: [['Recipients', 'Wellness']],
        themesRemoved: [],
        themesRenamed: [{ from: ['Recipients', 'Networks'], to: ['Recipients', 'Social networks'] }],
        codesAdded: [{ code: 'wellness', definition: 'Feeling better.', themes: [['Recipients', 'Wellness']] }],
        codesRemoved: [{ code: 'unused-code', definition: 'Never applied.', themes: [['Workers', 'Pay']] }],
        codesRenamed: [{ from: 'staff-prejudice', to: 'staff-stigma', segments: 2 }],
        codesMoved: [{ code: 'tokenism', from: [['Workers', 'Prejudice']], to: [['Workers', 'Pay']] }],
        definitionsChanged: [{ code: 'low-pay', from: 'Pay below colleagues.', to: 'Pay below that of colleagues doing similar work.' }],
      },
      // staff-stigma (renamed, lines shifted), tokenism and social-network (study renamed) are unchanged.
      codes: [
        {
          code: 'low-pay',
          segments: { before: 2, after: 1 },
          studies: { before: 2, after: 1 },
          added: [],
          removed: [{ study: 'gamma', path: 'studies/gamma.md', line: 1, excerpt: 'pay was low', order: 'second' }],
        },
        {
          code: 'wellness',
          segments: { before: 0, after: 2 },
          studies: { before: 0, after: 2 },
          added: [
            { study: 'beta-2003', path: 'studies/beta-2003.md', line: 1, excerpt: 'wider social contacts', order: 'second' },
            { study: 'delta', path: 'studies/delta.md', line: 1, excerpt: 'felt better', order: 'second' },
          ],
          removed: [],
        },
      ],
      studyCodes: [
        { study: 'beta-2003', path: 'studies/beta-2003.md', status: 'changed', gained: ['wellness'], lost: [] },
        { study: 'delta', path: 'studies/delta.md', status: 'added', gained: ['wellness'], lost: [] },
        { study: 'gamma', path: 'studies/gamma.md', status: 'removed', gained: [], lost: ['low-pay'] },
      ],
    });
  });

  it('renders the diff as a pull-request comment', async () => {
    const markdown = renderDiffMarkdown(await diffRevisions(repo.path(REVIEW), 'v1', 'v2'));
    assert.equal(
      markdown,
      [
        `## Coding changes: \`v1\` (\`${v1.slice(0, 7)}\`) → \`v2\` (\`${v2.slice(0, 7)}\`)`,
        '',
        '| | Before | After | Change |',
        '|---|---:|---:|---:|',
        '| Studies | 3 | 3 | 0 |',
        '| Themes | 5 | 6 | +1 |',
        '| Codes | 5 | 5 | 0 |',
        '| Coded passages | 6 | 6 | 0 |',
        '',
        '### Studies',
        '',
        '- Added `delta` (`studies/delta.md`)',
        '- Removed `gamma` (`studies/gamma.md`)',
        '- Renamed `beta` → `beta-2003` (`studies/beta.md` → `studies/beta-2003.md`)',
        '',
        '### Codebook',
        '',
        '| Change | Code or theme | Detail |',
        '|---|---|---|',
        '| Theme added | Recipients › Wellness |  |',
        '| Theme renamed | Recipients › Networks | → Recipients › Social networks |',
        '| Code added | `#wellness` | Recipients › Wellness: Feeling better. |',
        '| Code removed | `#unused-code` | Workers › Pay: Never applied. |',
        '| Code renamed | `#staff-prejudice` → `#staff-stigma` | 2 passages |',
        '| Code moved | `#tokenism` | Workers › Prejudice → Workers › Pay |',
        '| Definition changed | `#low-pay` | ~~Pay below colleagues.~~ → Pay below that of colleagues doing similar work. |',
        '',
        '### Coding by code',
        '',
        '| Code | Passages | Studies | Added | Removed |',
        '|---|---:|---:|---:|---:|',
        '| `#low-pay` | 2 → 1 | 2 → 1 | +0 | −1 |',
        '| `#wellness` | 0 → 2 | 0 → 2 | +2 | −0 |',
        '',
        '<details><summary><code>#low-pay</code>: 0 added, 1 removed</summary>',
        '',
        '- **−** `gamma` `studies/gamma.md:1`: “pay was low”',
        '',
        '</details>',
        '',
        '<details><summary><code>#wellness</code>: 2 added, 0 removed</summary>',
        '',
        '- **+** `beta-2003` `studies/beta-2003.md:1`: “wider social contacts”',
        '- **+** `delta` `studies/delta.md:1`: “felt better”',
        '',
        '</details>',
        '',
        '### Coding by study',
        '',
        '| Study | Codes gained | Codes lost |',
        '|---|---|---|',
        '| `beta-2003` | `#wellness` |  |',
        '| `delta` (added) | `#wellness` |  |',
        '| `gamma` (removed) |  | `#low-pay` |',
        '',
      ].join('\n'),
    );
  });

  it('compares HEAD with the working tree by default', async () => {
    const alpha = `${REVIEW}/studies/alpha.md`;
    const committed = repo.git('show', `HEAD:${alpha}`);
    repo.write({ [alpha]: committed.replace('[low wages]{#low-pay}', 'low wages').replace('Peer workers described', 'Peer workers [described]{#tokenism}') + '\n' });
    try {
      const diff = await diffRevisions(repo.path(REVIEW));
      assert.deepEqual(diff.from, { label: 'HEAD', commit: v2 });
      assert.deepEqual(diff.to, { label: 'working tree' });
      assert.deepEqual(
        diff.codes.map((change) => [change.code, change.added.map((s) => `${s.study}:${s.line}:${s.excerpt}`), change.removed.map((s) => `${s.study}:${s.line}:${s.excerpt}`)]),
        [
          ['low-pay', [], ['alpha:11:low wages']],
          ['tokenism', ['alpha:11:described'], []],
        ],
      );
      assert.deepEqual(diff.studyCodes, [{ study: 'alpha', path: 'studies/alpha.md', status: 'changed', gained: ['tokenism'], lost: ['low-pay'] }]);
    } finally {
      repo.write({ [alpha]: `${committed}\n` });
    }
  });

  it('finds no change between two names of the same commit', async () => {
    const diff = await diffRevisions(repo.path(REVIEW), 'v2', 'main');
    assert.ok(isEmptyDiff(diff));
    assert.match(renderDiffMarkdown(diff), /No changes to studies, codebook or coding\./);
  });

  it('qualsynth diff prints Markdown and JSON and explains bad input', async () => {
    const md = await cli('diff', 'v1', 'v2', '--dir', repo.path(REVIEW));
    assert.equal(md.code, 0, md.err);
    assert.match(md.out, /^## Coding changes: `v1`/);
    const json = await cli('diff', 'v1', 'v2', '--dir', repo.path(REVIEW), '--format', 'json');
    assert.equal(json.code, 0, json.err);
    assert.equal(JSON.parse(json.out).codebook.codesRenamed[0].to, 'staff-stigma');
    const bad = await cli('diff', '--dir', repo.path(REVIEW), '--', '--output=x');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /Invalid revision `--output=x`: it starts with `-`/);
    const unknown = await cli('diff', 'nope', '--dir', repo.path(REVIEW));
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /no commit of that name/);
    const format = await cli('diff', 'v1', '--format', 'html', '--dir', repo.path(REVIEW));
    assert.equal(format.code, 2);
    assert.match(format.err, /--format takes md or json/);
    const nothing = await cli('diff', 'v1', 'v2', '--dir', repo.path('no-review-here'));
    assert.equal(nothing.code, 2);
    assert.match(nothing.err, /no review found/);
  });
});
