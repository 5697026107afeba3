/**
 * Auto-coding in the core: every case compares the whole file after the edit. The
 * units (match, sentence, block), existing spans taking the code in their braces,
 * hits already coded left alone, idempotence (auto-coding twice changes nothing the
 * second time), several codes, and refusals (a study changed since the search, an
 * invalid code name, a table row as a block).
 */
import { strict as assert } from 'node:assert';
import { applyEdits } from '../../../src/core/edits/textEdit';
import { parseStudy } from '../../../src/core/study';
import { AutocodeError, autocodeEdits, type AutocodePlan, type AutocodeUnit } from '../../../src/core/search/autocode';
import { searchStudies, type SearchResult } from '../../../src/core/search/searchStudies';
import type { SearchQuery } from '../../../src/core/search/searchQuery';

const PATH = 'studies/s.md';

function searchText(text: string, query: Partial<SearchQuery> & { pattern: string }): SearchResult {
  return searchStudies([{ study: parseStudy(PATH, text), text }], { mode: 'words', ...query });
}

/** Searches, auto-codes every hit and returns the plan and the whole new text. */
function autocode(text: string, query: Partial<SearchQuery> & { pattern: string }, codes: string[], unit: AutocodeUnit): { plan: AutocodePlan; text: string } {
  const result = searchText(text, query);
  const plan = autocodeEdits(result, result.hits, new Map([[PATH, text]]), codes, unit);
  return { plan, text: applyEdits(text, plan.edits) };
}

/** Auto-codes, checks that doing it again changes nothing, and returns the new text. */
function codedTwice(text: string, query: Partial<SearchQuery> & { pattern: string }, codes: string[], unit: AutocodeUnit): string {
  const once = autocode(text, query, codes, unit);
  const twice = autocode(once.text, query, codes, unit);
  assert.deepEqual(twice.plan.edits, [], 'auto-coding twice changes nothing the second time');
  assert.equal(twice.plan.alreadyCoded, searchText(once.text, query).hits.length - twice.plan.skipped.length);
  return once.text;
}

describe('auto-code: units', () => {
  const TEXT = 'The stipend was low. Stipends matter to\nthe workers, said one.\n\n> A stipend? Never enough.\n';

  it('match: each hit in a span of its own, whole words only', () => {
    assert.equal(
      codedTwice(TEXT, { pattern: 'stipend', wholeWord: true }, ['pay'], 'match'),
      'The [stipend]{#pay} was low. Stipends matter to\nthe workers, said one.\n\n> A [stipend]{#pay}? Never enough.\n',
    );
  });

  it('sentence: the sentence around each hit, across a soft line break', () => {
    assert.equal(
      codedTwice(TEXT, { pattern: 'matter' }, ['pay'], 'sentence'),
      'The stipend was low. [Stipends matter to\nthe workers, said one.]{#pay}\n\n> A stipend? Never enough.\n',
    );
  });

  it('sentence: two hits in one sentence code it once', () => {
    const { plan, text } = autocode(TEXT, { pattern: 'stipend was low', mode: 'words', wholeWord: true }, ['pay'], 'sentence');
    assert.equal(plan.passages, 2);
    assert.equal(text, '[The stipend was low.]{#pay} Stipends matter to\nthe workers, said one.\n\n> [A stipend?]{#pay} Never enough.\n');
  });

  it('block: a block tag at the end of each hit’s block, quotes included', () => {
    assert.equal(codedTwice(TEXT, { pattern: 'stipend' }, ['pay'], 'block'), 'The stipend was low. Stipends matter to\nthe workers, said one. #pay\n\n> A stipend? Never enough. #pay\n');
  });

  it('block: a heading and a list item take the tag on their line', () => {
    const text = '## Pay and hours ##\n\n- pay was low\n  for all\n';
    assert.equal(codedTwice(text, { pattern: 'pay' }, ['pay'], 'block'), '## Pay and hours #pay ##\n\n- pay was low\n  for all #pay\n');
  });

  it('block: a table row is skipped with the reason', () => {
    const text = '| a | b |\n| --- | --- |\n| pay | low |\n';
    const { plan, text: after } = autocode(text, { pattern: 'pay' }, ['pay'], 'block');
    assert.equal(after, text);
    assert.match(plan.skipped[0].reason, /table row/);
  });
});

describe('auto-code: existing coding', () => {
  it('a unit that is a span’s passage takes the code in its braces, not a second span', () => {
    const text = 'They said [low pay]{#money coder="a"} hurt.\n';
    assert.equal(codedTwice(text, { pattern: 'low pay', mode: 'phrase' }, ['pay'], 'match'), 'They said [low pay]{#money #pay coder="a"} hurt.\n');
  });

  it('a hit inside a passage that already has the code is left alone', () => {
    const text = 'They said [the pay was low]{#pay} and pay matters.\n';
    const { plan, text: after } = autocode(text, { pattern: 'pay' }, ['pay'], 'match');
    assert.equal(plan.alreadyCoded, 1);
    assert.equal(after, 'They said [the pay was low]{#pay} and [pay]{#pay} matters.\n');
  });

  it('a hit inside another code’s span gets a span inside it', () => {
    const text = 'They said [the pay was low]{#money}.\n';
    assert.equal(codedTwice(text, { pattern: 'pay' }, ['pay'], 'match'), 'They said [the [pay]{#pay} was low]{#money}.\n');
  });

  it('a sentence that cuts an existing span is extended to hold it', () => {
    const text = 'First one. Second [runs on. Into]{#x} the third.\n';
    assert.equal(codedTwice(text, { pattern: 'Second' }, ['y'], 'sentence'), 'First one. [Second [runs on. Into]{#x}]{#y} the third.\n');
  });

  it('several codes: each one once, in one span', () => {
    const text = 'The stipend was low.\n';
    assert.equal(codedTwice(text, { pattern: 'stipend' }, ['pay', 'money'], 'match'), 'The [stipend]{#pay #money} was low.\n');
  });

  it('a link’s text is coded inside the link; its destination never', () => {
    const text = 'See [the pay report](https://example.org/pay) now.\n';
    const { text: after } = autocode(text, { pattern: 'pay' }, ['pay'], 'match');
    assert.ok(after.includes('(https://example.org/pay)'), after);
    assert.equal(parseStudy(PATH, after).problems.length, 0);
  });
});

describe('auto-code: refusals', () => {
  const TEXT = 'The stipend was low.\n';

  it('refuses a study changed since the search, and codes nothing', () => {
    const result = searchText(TEXT, { pattern: 'stipend' });
    assert.throws(() => autocodeEdits(result, result.hits, new Map([[PATH, `${TEXT}More.\n`]]), ['pay'], 'match'), (error: Error) => error instanceof AutocodeError && /changed since the search/.test(error.message));
  });

  it('refuses an invalid code name', () => {
    const result = searchText(TEXT, { pattern: 'stipend' });
    assert.throws(() => autocodeEdits(result, result.hits, new Map([[PATH, TEXT]]), ['1bad'], 'match'), /not a valid code name/);
  });

  it('codes only the hits given (ticked), in several studies at once', () => {
    const other = 'Another stipend here and a stipend there.\n';
    const result = searchStudies(
      [
        { study: parseStudy('studies/a.md', TEXT), text: TEXT },
        { study: parseStudy('studies/b.md', other), text: other },
      ],
      { pattern: 'stipend', mode: 'words' },
    );
    const ticked = [result.hits[0], result.hits[2]];
    const plan = autocodeEdits(result, ticked, result.texts, ['pay'], 'match');
    assert.equal(plan.studies, 2);
    assert.equal(applyEdits(TEXT, plan.edits.filter((edit) => edit.path === 'studies/a.md')), 'The [stipend]{#pay} was low.\n');
    assert.equal(applyEdits(other, plan.edits.filter((edit) => edit.path === 'studies/b.md')), 'Another stipend here and a [stipend]{#pay} there.\n');
  });
});
