import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../src/core/codebook';
import { renderDiffMarkdown } from '../../../src/core/diff/diffMarkdown';
import { markdownToSafeHtml } from '../../../src/core/text/markdownHtml';
import { diffIndexes } from '../../../src/core/diff/diffReviews';
import { ReviewIndex } from '../../../src/core/reviewIndex';
import { parseStudy } from '../../../src/core/study';

/** An index from a codebook text and study texts by path. */
function indexOf(codebook: string, studies: Record<string, string>): ReviewIndex {
  const index = new ReviewIndex();
  index.setCodebook(parseCodebook('codebook.md', codebook));
  for (const [path, text] of Object.entries(studies)) index.setStudy(parseStudy(path, text));
  return index;
}

const sides = { from: { label: 'a' }, to: { label: 'b' } };
const diff = (before: ReviewIndex, after: ReviewIndex) => diffIndexes(before, after, sides);

describe('coding diff (in memory)', () => {
  it('calls a code renamed when most of its segments reappear under a new name, and lists the rest', () => {
    const before = indexOf('# T\n- #a: A.\n', { 's.md': 'One [p1]{#a}. Two [p2]{#a}. Three p3.\n' });
    const after = indexOf('# T\n- #b: A.\n', { 's.md': 'One [p1]{#b}. Two [p2]{#b}. Three [p3]{#b}.\n' });
    const result = diff(before, after);
    assert.deepEqual(result.codebook.codesRenamed, [{ from: 'a', to: 'b', segments: 3 }]);
    assert.deepEqual(result.codebook.codesAdded, []);
    assert.deepEqual(result.codebook.codesRemoved, []);
    assert.deepEqual(
      result.codes.map((change) => ({ code: change.code, renamedFrom: change.renamedFrom, added: change.added.map((s) => s.excerpt), removed: change.removed.length })),
      [{ code: 'b', renamedFrom: 'a', added: ['p3'], removed: 0 }],
    );
  });

  it('does not call it a rename when the new code codes other passages', () => {
    const before = indexOf('# T\n- #a: A.\n', { 's.md': 'One [p1]{#a}.\n\nTwo p2.\n' });
    const after = indexOf('# T\n- #b: B.\n', { 's.md': 'One p1.\n\nTwo [p2]{#b}.\n' });
    const result = diff(before, after);
    assert.deepEqual(result.codebook.codesRenamed, []);
    assert.deepEqual(result.codebook.codesAdded.map((entry) => entry.code), ['b']);
    assert.deepEqual(result.codebook.codesRemoved.map((entry) => entry.code), ['a']);
  });

  it('calls an unused code renamed when its definition is unchanged', () => {
    const before = indexOf('# T\n- #old-name: Same words.\n', { 's.md': 'Nothing coded.\n' });
    const after = indexOf('# T\n- #new-name: Same words.\n', { 's.md': 'Nothing coded.\n' });
    assert.deepEqual(diff(before, after).codebook.codesRenamed, [{ from: 'old-name', to: 'new-name', segments: 0 }]);
  });

  it('reports a retitled parent theme once; its sub-themes and codes follow it without moving', () => {
    const before = indexOf('# Staff\n## Pay\n- #low-pay: Low.\n## Hours\n- #hours: Few.\n', { 's.md': '[x]{#low-pay}\n' });
    const after = indexOf('# Workers\n## Pay\n- #low-pay: Low.\n## Hours\n- #hours: Few.\n', { 's.md': '[x]{#low-pay}\n' });
    const { codebook } = diff(before, after);
    assert.deepEqual(codebook.themesRenamed, [{ from: ['Staff'], to: ['Workers'] }]);
    assert.deepEqual([codebook.themesAdded, codebook.themesRemoved, codebook.codesMoved], [[], [], []]);
  });

  it('matches repeated passages one for one', () => {
    const before = indexOf('', { 's.md': '[Yes.]{#agree}\n\n[Yes.]{#agree}\n' });
    const after = indexOf('', { 's.md': 'Intro.\n\n[Yes.]{#agree}\n\nYes.\n' });
    const [change] = diff(before, after).codes;
    assert.deepEqual([change.added.length, change.removed.map((s) => s.line)], [0, [3]]);
  });

  it('ignores line shifts and whitespace or case changes inside a passage', () => {
    const before = indexOf('', { 's.md': 'A [long passage\nover two lines]{#c}.\n' });
    const after = indexOf('', { 's.md': 'New first line.\n\nA [Long passage over\ntwo lines]{#c}.\n' });
    assert.deepEqual(diff(before, after).codes, []);
  });

  it('follows a study file moved under a new path with the same front-matter id', () => {
    const text = '---\nid: smith-2001\n---\n[p]{#c}\n';
    const result = diff(indexOf('', { 'studies/a.md': text }), indexOf('', { 'studies/2001/smith.md': text }));
    assert.deepEqual(result.studies, {
      added: [],
      removed: [],
      renamed: [{ from: { id: 'smith-2001', path: 'studies/a.md' }, to: { id: 'smith-2001', path: 'studies/2001/smith.md' } }],
    });
    assert.deepEqual([result.codes, result.studyCodes], [[], []]);
  });

  it('makes user text inert in the Markdown', () => {
    const before = indexOf('', { 's.md': 'Nothing.\n' });
    const after = indexOf('# A | B <b>\n- #c: Uses *stars* and </details> tags.\n', { 's.md': 'Nothing.\n\n[a | b <script>x</script> *y*]{#c}\n' });
    const markdown = renderDiffMarkdown(diff(before, after));
    assert.match(markdown, /\| Code added \| `#c` \| A \\\| B &lt;b&gt;: Uses \\\*stars\\\* and &lt;\/details&gt; tags\. \|/);
    assert.match(markdown, /“a \\\| b &lt;script&gt;x&lt;\/script&gt; \\\*y\\\*”/);
    assert.doesNotMatch(markdown, /<script>|<\/details> tags/);
  });

  it('for the webview panel: passages link to their study and line, no raw HTML, user text still inert', () => {
    const before = indexOf('', { 'studies/my study.md': 'Nothing.\n' });
    const after = indexOf('# T\n- #c: C.\n', { 'studies/my study.md': 'Nothing.\n\n[a <script>x</script> (b)]{#c}\n' });
    const markdown = renderDiffMarkdown(diff(before, after), { collapsible: false, passageLink: (path, line) => `${path}#L${line}` });
    assert.doesNotMatch(markdown, /<details>|<summary>/);
    assert.match(markdown, /^\*\*`#c`\*\*: 1 added, 0 removed$/m);
    const html = markdownToSafeHtml(markdown);
    assert.match(html, /<a href="studies\/my%20study\.md#L3"><code>studies\/my study\.md:3<\/code><\/a>/);
    assert.match(html, /a &#x3C;script>x&#x3C;\/script> \(b\)/);
    assert.doesNotMatch(html, /<script/);
    // The default stays as pull-request comments want it: collapsible, no links.
    assert.match(renderDiffMarkdown(diff(before, after)), /<details><summary><code>#c<\/code>: 1 added, 0 removed<\/summary>/);
  });

  it('caps long passage lists and counts the rest', () => {
    const many = Array.from({ length: 5 }, (_, index) => `[passage ${index}]{#c}`).join('\n\n');
    const markdown = renderDiffMarkdown(diff(indexOf('', { 's.md': 'x\n' }), indexOf('', { 's.md': `${many}\n` })), { maxPassagesPerCode: 2 });
    assert.equal((markdown.match(/^- \*\*\+\*\* `s`/gm) ?? []).length, 2);
    assert.match(markdown, /- \*\*\+\*\* … and 3 more/);
  });
});
