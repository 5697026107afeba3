import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../src/core/codebook';
import { parseMemo } from '../../../src/core/memo/memo';
import { memoReferenceAt, studyReferencesInMemos } from '../../../src/core/memo/memoReferences';
import { ReviewIndex } from '../../../src/core/reviewIndex';
import { parseStudy } from '../../../src/core/study';

/** The keys a memo body's `@` references read as, with the text at each range. */
function keysOf(body: string): string[] {
  const text = `---\nabout: review\n---\n${body}`;
  return parseMemo('memos/m.md', text).studyReferences.map((reference) => {
    assert.equal(text.slice(reference.range.start, reference.range.end), reference.key, 'the range is the key');
    return reference.key;
  });
}

describe('study references in memos (@study-id)', () => {
  it('reads Pandoc citations: bare, bracketed, several, suppressed author, punctuation after', () => {
    assert.deepEqual(keysOf('As @alder-2010 says.\n'), ['alder-2010']);
    assert.deepEqual(keysOf('Pay [@alder-2010, p. 4; @jones_2011].\n'), ['alder-2010', 'jones_2011']);
    assert.deepEqual(keysOf('Seen before [-@mowbray2005] (@ruddock:2000).\n'), ['mowbray2005', 'ruddock:2000']);
    assert.deepEqual(keysOf('@alder-2010, then\n- a list item with @ö-2012.\n> quoted @q-1\n'), ['alder-2010', 'ö-2012', 'q-1']);
  });

  it('leaves out what is not a reference: e-mail, URLs, link destinations, code, escapes, front matter', () => {
    assert.deepEqual(keysOf('Mail jb@uni.ac.uk or <jb@uni.ac.uk>, see https://x.org/@alder-2010.\n'), []);
    assert.deepEqual(keysOf('[the study](../studies/@alder-2010.md) and `@alder-2010` and `see @alder-2010` and [x](@alder-2010) and \\@alder-2010 and @ alone.\n'), []);
    assert.deepEqual(keysOf('```\n@alder-2010\n```\n\n    @indented\n\n<!-- @hidden -->\n'), []);
    assert.deepEqual(parseMemo('memos/m.md', '---\nauthor: "@jb"\nabout: review\n---\nText.\n').studyReferences, []);
  });

  it('reads code spans as CommonMark does: a run closes only on a run of its length, an escaped backtick opens none', () => {
    // As commonmark.js reads them: <code>x` @a and </code> @b <code> `` and \</code>x @c`.
    assert.deepEqual(keysOf('``x` @a and `` @b ` `` and \\`x @c`.\n'), ['b', 'c']);
    // `x @c<code> and ``y</code> @a
    assert.deepEqual(keysOf('\\`x @c` and ``y` @a\n'), ['c', 'a']);
    assert.deepEqual(keysOf('[x](y @d and <e @f and <g@h> then @i.\n'), ['d', 'f', 'i']);
  });

  it('takes linear time on 2 MB of distinct unclosed backtick runs and 4 MB of unclosed `](` and `<`', () => {
    let runs = '';
    for (let length = 1; runs.length < 2_000_000; length++) runs += '`'.repeat(length) + 'x @a ';
    const started = performance.now();
    assert.equal(keysOf(runs).length, runs.split('@a').length - 1);
    assert.equal(keysOf('](x <y @b '.repeat(400_000)).length, 400_000);
    const took = performance.now() - started;
    assert.ok(took < 3000, `took ${Math.round(took)} ms`);
  });

  describe('against a review', () => {
    const study = '---\nid: alder-2010\ncitation-key: alder2010peer\n---\n[Paid less]{#low-pay}.\n';
    const memoText = '---\nabout:\n  studies: [alder-2010]\n---\nSee @alder-2010 and [@alder2010peer] and @alder-2011 on #low-pay.\n';

    function review(): ReviewIndex {
      const index = new ReviewIndex();
      index.setCodebook(parseCodebook('codebook.md', '# Pay\n- #low-pay: Pay.\n'));
      index.setStudy(parseStudy('studies/a.md', study));
      index.setMemo(parseMemo('memos/m.md', memoText));
      return index;
    }

    it('resolves a key by id or citation-key; an unknown key is a warning at the key', () => {
      const index = review();
      const problems = index.problemsOf('memos/m.md');
      assert.deepEqual(problems.map((problem) => [problem.kind, problem.severity, memoText.slice(problem.range.start, problem.range.end)]), [['memo-unknown-target', 'warning', 'alder-2011']]);
      assert.match(problems[0].message, /@alder-2011 names no study/);
    });

    it('says what the name under the cursor refers to, and finds every memo reference to a study', () => {
      const index = review();
      const memo = index.getMemo('memos/m.md')!;
      const at = (needle: string, skip = 1): ReturnType<typeof memoReferenceAt> => memoReferenceAt(index, memo, memoText.indexOf(needle) + skip);
      assert.deepEqual([at('@alder-2010')?.kind, (at('@alder-2010') as { study?: { path: string } }).study?.path], ['study', 'studies/a.md']);
      assert.equal((at('@alder2010peer') as { study?: { path: string } }).study?.path, 'studies/a.md');
      assert.deepEqual([at('@alder-2011')?.kind, (at('@alder-2011') as { study?: unknown }).study], ['study', undefined]);
      assert.equal((at('[alder-2010]') as { study?: { path: string } }).study?.path, 'studies/a.md', 'the about: name');
      assert.deepEqual(at('#low-pay'), { kind: 'code', code: 'low-pay', range: memo.tags[0].range });
      assert.equal(at('See ', 0), undefined);
      const places = studyReferencesInMemos(index, index.getStudy('studies/a.md')!).map((place) => [place.path, memoText.slice(place.range.start, place.range.end)]);
      assert.deepEqual(places, [['memos/m.md', 'alder-2010'], ['memos/m.md', 'alder-2010'], ['memos/m.md', 'alder2010peer']]);
    });
  });
});
