import { strict as assert } from 'node:assert';
import { segmentView, study } from './helpers';

describe('span tags', () => {
  it('codes the passage between the brackets with every code in the braces', () => {
    assert.deepEqual(segmentView('They felt [left out of meetings]{#staff-prejudice #role-ambiguity} often.'), [
      { kind: 'span', order: 'second', codes: 'staff-prejudice role-ambiguity', source: 'left out of meetings', text: 'left out of meetings' },
    ]);
  });
  it('gives the outer range of the whole syntax', () => {
    const text = 'A [b]{#c} d';
    const [segment] = study(text).segments;
    assert.equal(text.slice(segment.outerRange.start, segment.outerRange.end), '[b]{#c}');
  });
  it('nests spans', () => {
    const view = segmentView('[outer [inner]{#a} more]{#b}');
    assert.deepEqual(view.map((s) => [s.codes, s.source, s.text]), [
      ['b', 'outer [inner]{#a} more', 'outer inner more'],
      ['a', 'inner', 'inner'],
    ]);
  });
  it('crosses line breaks inside one block', () => {
    const text = 'Workers described [being excluded from team\nmeetings and case discussions]{#exclusion}.';
    const [segment] = study(text).segments;
    assert.equal(segment.text, 'being excluded from team meetings and case discussions');
    assert.deepEqual(segment.range.startPosition, { line: 0, column: 19 });
    assert.deepEqual(segment.range.endPosition, { line: 1, column: 29 });
  });
  it('crosses quote lines, leaving the markers out of the text', () => {
    const text = '> "They [still see me\n> as a client]{#stigma}"';
    const [segment] = study(text).segments;
    assert.equal(segment.text, 'still see me as a client');
    assert.equal(segment.order, 'first');
  });
  it('keeps key="value" attributes', () => {
    const [segment] = study('[pay]{#low-pay coder="jb" memo="check \\"rate\\""}').segments;
    assert.deepEqual(segment.attributes, { coder: 'jb', memo: 'check "rate"' });
  });
  it('accepts single-quoted and bare attribute values', () => {
    const [segment] = study("[pay]{#low-pay coder='jb' round=2}").segments;
    assert.deepEqual(segment.attributes, { coder: 'jb', round: '2' });
  });
  it('ignores Pandoc attribute groups without a code', () => {
    const parsed = study('[small caps]{.smallcaps} text');
    assert.deepEqual(parsed.segments, []);
    assert.deepEqual(parsed.problems, []);
  });
  it('is not a span inside inline code', () => {
    assert.deepEqual(study('Use `[x]{#a}` like this.').segments, []);
  });
  it('repeats a code only once per segment', () => {
    assert.deepEqual(study('[x]{#a #a #b}').segments[0].codes, ['a', 'b']);
  });
  it('codes an image alt text span', () => {
    assert.equal(study('![x]{#a}').segments[0].text, 'x');
  });
  it('leaves a link inside a span intact', () => {
    assert.equal(study('[see [the site](https://x.org/#a) now]{#b}').segments[0].text, 'see [the site](https://x.org/#a) now');
  });
  it('adds a bare tag inside a span to that span', () => {
    const [segment] = study('[a passage #extra here]{#main}').segments;
    assert.deepEqual(segment.codes, ['main', 'extra']);
    assert.equal(segment.text, 'a passage here');
  });
});

describe('malformed spans', () => {
  const problemOf = (text: string) => study(text).problems.map((p) => ({ kind: p.kind, severity: p.severity, line: p.range.startPosition.line, column: p.range.startPosition.column, message: p.message }));
  it('reports unterminated braces at the bracket', () => {
    const [problem] = problemOf('Line one.\nA [passage]{#code and more');
    assert.equal(problem.kind, 'malformed-span');
    assert.equal(problem.severity, 'error');
    assert.deepEqual([problem.line, problem.column], [1, 10]);
    assert.match(problem.message, /never closed/);
  });
  it('reports `]{#code}` without an opening bracket', () => {
    const [problem] = problemOf('A passage]{#code} here');
    assert.match(problem.message, /no opening `\[`/);
    assert.equal(problem.column, 9);
  });
  it('reports an invalid code name in braces', () => {
    const [problem] = problemOf('[x]{#1bad}');
    assert.match(problem.message, /`#1bad` is not a valid code name/);
  });
  it('reports an unexpected token in braces', () => {
    const [problem] = problemOf('[x]{#a oops}');
    assert.match(problem.message, /Unexpected `oops`/);
  });
  it('keeps indexing the rest of the file after an error', () => {
    const parsed = study('[x]{#a oops}\n\n[y]{#b}');
    assert.deepEqual(parsed.segments.map((s) => s.codes[0]), ['b']);
    assert.equal(parsed.problems.length, 1);
  });
  it('does not treat an unclosed `[` as an error', () => {
    assert.deepEqual(study('Text [sic and more #a').problems, []);
  });
});

describe('block tags', () => {
  it('codes the whole paragraph', () => {
    assert.deepEqual(segmentView('Peer workers were paid less. #low-pay'), [
      { kind: 'block', order: 'second', codes: 'low-pay', source: 'Peer workers were paid less. #low-pay', text: 'Peer workers were paid less.' },
    ]);
  });
  it('codes a list item', () => {
    const view = segmentView('- first item #a\n- second item');
    assert.deepEqual(view.map((s) => [s.source, s.codes]), [['first item #a', 'a']]);
  });
  it('codes a blockquote paragraph as first-order', () => {
    const view = segmentView('> "I felt like a patient again." #stigma');
    assert.deepEqual(view.map((s) => [s.order, s.text]), [['first', '"I felt like a patient again."']]);
  });
  it('a tag line inside the quote codes the quote', () => {
    const view = segmentView('> "They see me as a client."\n> #staff-prejudice');
    assert.deepEqual(view.map((s) => [s.kind, s.order, s.codes, s.text]), [['block', 'first', 'staff-prejudice', '"They see me as a client."']]);
  });
  it('a paragraph of tags alone codes the block before it', () => {
    const view = segmentView('> "They see me as a client."\n\n#staff-prejudice #stigma');
    assert.deepEqual(view.map((s) => [s.order, s.codes, s.source]), [['first', 'staff-prejudice stigma', '"They see me as a client."']]);
  });
  it('a tag line after a paragraph codes that paragraph', () => {
    const view = segmentView('Authors argue X.\n\n#a\n\nNext paragraph.');
    assert.deepEqual(view.map((s) => [s.source, s.codes]), [['Authors argue X.', 'a']]);
  });
  it('two tag lines in a row both code the block before them', () => {
    const view = segmentView('Passage.\n\n#a\n\n#b');
    assert.deepEqual(view.map((s) => s.codes), ['a b']);
  });
  it('a lone tag line at the start is reported', () => {
    const parsed = study('#a\n\nText.');
    assert.equal(parsed.segments.length, 0);
    assert.match(parsed.problems[0].message, /codes the block before it, but there is none/);
  });
  it('separates quote paragraphs at a blank quote line', () => {
    const view = segmentView('> first #a\n>\n> second #b');
    assert.deepEqual(view.map((s) => [s.source, s.codes]), [['first #a', 'a'], ['second #b', 'b']]);
  });
  it('a lazy continuation line stays in the quote', () => {
    const view = segmentView('> quoted words\n#stigma');
    assert.deepEqual(view.map((s) => [s.order, s.codes]), [['first', 'stigma']]);
  });
  it('a span and a block tag in one paragraph make two segments', () => {
    const view = segmentView('Workers said [pay was low]{#low-pay} and more. #role');
    assert.deepEqual(view.map((s) => [s.kind, s.codes]), [['block', 'role'], ['span', 'low-pay']]);
  });
  it('a list item continuation line belongs to the item', () => {
    const view = segmentView('- item starts\n  and goes on #a');
    assert.deepEqual(view.map((s) => s.source), ['item starts\n  and goes on #a']);
  });
  it('a nested quote is first-order too', () => {
    assert.equal(segmentView('> > deep words #a')[0].order, 'first');
  });
  it('a setext heading is a block, not a paragraph coded with the next line', () => {
    const view = segmentView('Title #a\n=====\n\nText.');
    assert.deepEqual(view.map((s) => s.source), ['Title #a']);
  });
});
