import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { parseCodebook } from '../../../src/core/codebook';
import { NodeReviewHost } from '../../../src/node/nodeHost';
import { loadReview } from '../../../src/core/review';
import { ReviewIndex } from '../../../src/core/reviewIndex';
import { parseStudy } from '../../../src/core/study';

const FIXTURE = path.resolve(__dirname, '../../fixtures/review-basic');

function indexOf(studies: Record<string, string>, codebook = '# Workers\n- #a: A code.\n- #b: B code.\n# Recipients\n- #c: C code.\n'): ReviewIndex {
  const index = new ReviewIndex();
  index.setCodebook(parseCodebook('codebook.md', codebook));
  for (const [file, text] of Object.entries(studies)) index.setStudy(parseStudy(`studies/${file}`, text));
  return index;
}

describe('review index', () => {
  const index = indexOf({
    'one.md': '---\nid: one\nperspective: [recipients]\ncountry: UK\n---\n[x]{#a} and [y]{#a #b}.\n\n> quote #zz',
    'two.md': '---\nid: two\nperspective: [peer workers, recipients]\ncountry: USA\n---\nPara #a',
  });
  it('counts segments and studies per code', () => {
    const code = index.getCode('a')!;
    assert.deepEqual([code.segmentCount, code.studyCount, code.definition], [3, 2, 'A code.']);
  });
  it('lists defined codes in codebook order, then undefined ones', () => {
    assert.deepEqual(index.codes().map((code) => code.name), ['a', 'b', 'c', 'zz']);
  });
  it('finds uncategorised and unused codes', () => {
    assert.deepEqual(index.uncategorisedCodes(), ['zz']);
    assert.deepEqual(index.unusedCodes(), ['c']);
  });
  it('returns segments of a code by study then position', () => {
    assert.deepEqual(index.segmentsOf('a').map((s) => [s.path, s.text]), [['studies/one.md', 'x'], ['studies/one.md', 'y'], ['studies/two.md', 'Para']]);
  });
  it('keeps segments of a code current as studies change, are added and removed', () => {
    const live = indexOf({ 'one.md': '[x]{#a} #b', 'two.md': 'Para #a' });
    const view = (code: string): string[] => live.segmentsOf(code).map((s) => `${s.path.slice(8)}:${s.text}`);
    assert.deepEqual([view('a'), view('b')], [['one.md:x', 'two.md:Para'], ['one.md:x']]);
    live.setStudy(parseStudy('studies/one.md', '[x]{#a} [w]{#c}'));
    assert.deepEqual([view('a'), view('b'), view('c')], [['one.md:x', 'two.md:Para'], [], ['one.md:w']]);
    live.setStudy(parseStudy('studies/a0.md', 'First #a'));
    assert.deepEqual(view('a'), ['a0.md:First', 'one.md:x', 'two.md:Para']);
    live.removeStudy('studies/one.md');
    assert.deepEqual([view('a'), view('c')], [['a0.md:First', 'two.md:Para'], []]);
    view('a').push('not kept');
    assert.deepEqual(view('a'), ['a0.md:First', 'two.md:Para'], 'callers get a copy');
  });
  it('queries by theme', () => {
    const [workers, recipients] = index.themes();
    assert.deepEqual(index.codesOfTheme(workers), ['a', 'b']);
    assert.deepEqual(index.studiesOfTheme(workers), ['studies/one.md', 'studies/two.md']);
    assert.deepEqual(index.studiesOfTheme(recipients), []);
  });
  it('queries by attribute, matching inside lists and ignoring case', () => {
    assert.deepEqual(index.studiesWhere('perspective', 'Recipients').map((s) => s.id), ['one', 'two']);
    assert.deepEqual(index.studiesWhere('country', 'uk').map((s) => s.id), ['one']);
  });
  it('reports an undefined code at the tag as a warning', () => {
    const problem = index.problems().find((p) => p.kind === 'undefined-code')!;
    assert.deepEqual([problem.path, problem.severity, problem.range.startPosition.line, problem.code], ['studies/one.md', 'warning', 7, 'zz']);
  });
  it('reports an unused code at its definition as a note', () => {
    const problem = index.problems().find((p) => p.kind === 'unused-code')!;
    assert.deepEqual([problem.path, problem.severity, problem.range.startPosition.line], ['codebook.md', 'info', 4]);
  });
  it('reports duplicate study ids as errors in both files', () => {
    const twins = indexOf({ 'x.md': '---\nid: same\n---\n', 'y.md': '---\nid: same\n---\n' });
    const problems = twins.problems().filter((p) => p.kind === 'duplicate-study-id');
    assert.deepEqual(problems.map((p) => [p.path, p.severity, p.range.startPosition.line]), [['studies/x.md', 'error', 1], ['studies/y.md', 'error', 1]]);
  });
  it('updates one file and fires onDidUpdate', () => {
    const live = indexOf({ 'one.md': '[x]{#a}' });
    let updates = 0;
    live.onDidUpdate(() => updates++);
    live.setStudy(parseStudy('studies/one.md', '[x]{#b} [y]{#b}'));
    assert.deepEqual([live.getCode('a')!.segmentCount, live.getCode('b')!.segmentCount, updates], [0, 2, 1]);
  });
  it('removes a file and its segments', () => {
    const live = indexOf({ 'one.md': '[x]{#zz}' });
    live.removeStudy('studies/one.md');
    assert.equal(live.getCode('zz'), undefined);
    assert.equal(live.studies().length, 0);
  });
  it('re-indexing a file gives the same summary as a fresh index', () => {
    const texts = { 'one.md': '[x]{#a} #b', 'two.md': '> q #c' };
    const live = indexOf(texts);
    live.setStudy(parseStudy('studies/one.md', 'changed #zz'));
    live.setStudy(parseStudy('studies/one.md', texts['one.md']));
    assert.deepEqual(live.summary(), indexOf(texts).summary());
    assert.deepEqual(live.problems(), indexOf(texts).problems());
  });
  it('tells which codes are used the same before and after the list of used codes is first built', () => {
    // `lazy` is asked only isUsed and studyUsesAnyCode (answered from the studies' counts)
    // until the end; `counted` lists its codes after every step (its code → study counts kept).
    const lazy = indexOf({});
    const counted = indexOf({});
    const names = ['a', 'b', 'c', 'zz', 'new'];
    let seed = 7;
    const next = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2147483648) % n;
    for (let step = 0; step < 200; step++) {
      const file = `studies/s${next(6)}.md`;
      const text = Array.from({ length: next(4) }, () => `[x]{#${names[next(names.length)]}}`).join(' and ');
      const remove = next(5) === 0;
      for (const live of [lazy, counted]) {
        if (remove) live.removeStudy(file);
        else live.setStudy(parseStudy(file, text));
      }
      counted.codes();
      for (const name of names) {
        assert.equal(lazy.isUsed(name), counted.isUsed(name), `${name} at step ${step}`);
        assert.equal(lazy.isUsed(name), counted.getCode(name)?.studyCount !== undefined && counted.getCode(name)!.studyCount > 0, `${name} at step ${step}`);
      }
      for (const study of counted.studies()) assert.deepEqual(names.map((name) => lazy.studyUsesAnyCode(study.path, [name])), names.map((name) => study.segments.some((segment) => segment.codes.includes(name))));
    }
    assert.deepEqual(lazy.codes(), counted.codes());
  });
  it('summarises counts', () => {
    assert.deepEqual(index.summary(), { studies: 2, codes: 4, themes: 2, segments: 4, problems: { error: 0, warning: 1, info: 1 } });
  });
});

describe('loading a review from disk', () => {
  it('loads the fixture review through the Node host', async () => {
    const review = await loadReview(new NodeReviewHost(FIXTURE));
    assert.deepEqual(review.index.studies().map((s) => s.path), ['studies/a.md', 'studies/b.md']);
    assert.ok(review.index.codebook.definitions.length > 0);
  });
  it('applies file events', async () => {
    const review = await loadReview(new NodeReviewHost(FIXTURE));
    await review.applyFileEvents([{ kind: 'deleted', path: 'studies/a.md' }, { kind: 'changed', path: 'README.md' }]);
    assert.deepEqual(review.index.studies().map((s) => s.path), ['studies/b.md']);
  });
  it('reports binary and non-UTF-8 study files without indexing them', async () => {
    const files: Record<string, Uint8Array> = {
      'studies/good.md': new TextEncoder().encode('Text #a'),
      'studies/binary.md': new Uint8Array([0x50, 0x00, 0x01]),
      'studies/latin1.md': new Uint8Array([0x63, 0x61, 0x66, 0xe9]),
    };
    const review = await loadReview({ findFiles: async () => Object.keys(files).sort(), readFile: async (p) => files[p] });
    assert.deepEqual(review.index.studies().map((s) => s.path), ['studies/good.md']);
    const messages = review.index.problems().filter((p) => p.kind === 'unreadable-file').map((p) => p.message);
    assert.match(messages[0], /binary\.md is a binary file/);
    assert.match(messages[1], /latin1\.md is not valid UTF-8/);
  });
  it('strips a BOM so offsets match the editor', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('#a')]);
    const review = await loadReview({ findFiles: async () => ['studies/bom.md'], readFile: async (p) => (p === 'studies/bom.md' ? bytes : undefined) });
    assert.equal(review.index.studies()[0].tags[0].range.start, 0);
  });
});
