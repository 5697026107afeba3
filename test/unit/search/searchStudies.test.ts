/**
 * Text search in the core: hits in the text as readers see it (across soft line
 * breaks and tags, never in front matter, code or tag syntax), the modes and options,
 * the filter and code limits, and the bounds. Every hit's file range is checked
 * against the file's own text.
 */
import { strict as assert } from 'node:assert';
import { parseFilter } from '../../../src/core/filter';
import { parseStudy } from '../../../src/core/study';
import { SearchCorpus, searchStudies, type SearchHit, type SearchSource } from '../../../src/core/search/searchStudies';
import { SearchQueryError, type SearchQuery } from '../../../src/core/search/searchQuery';
import { readerText } from '../../../src/core/search/readerText';

function source(path: string, text: string): SearchSource {
  return { study: parseStudy(path, text), text };
}

function search(text: string, query: Partial<SearchQuery> & { pattern: string }): SearchHit[] {
  return searchStudies([source('studies/s.md', text)], { mode: 'words', ...query }).hits;
}

/** What each hit covers in the file. */
function covered(text: string, hits: readonly SearchHit[]): string[] {
  return hits.map((hit) => text.slice(hit.start, hit.end));
}

const STUDY = [
  '---',
  'id: smith2019',
  'title: Stipends and staff',
  'perspective: recipients',
  '---',
  '# Findings on stipends',
  '',
  'Workers said the [stipend was]{#low-pay} too',
  'low to live on. #pay',
  '',
  '> "The stipend, well,',
  '> it was never enough," said one.',
  '',
  '```',
  'stipend in code',
  '```',
  '',
  'Inline `stipend` code and [a link](https://example.org/stipend) and &eacute;t&eacute; and \\*stars\\*.',
  '',
].join('\n');

describe('text search: what readers see', () => {
  it('finds a phrase across a soft line break and across a span bracket, mapped to the file', () => {
    const hits = search(STUDY, { pattern: 'was too low', mode: 'phrase' });
    assert.deepEqual(covered(STUDY, hits), ['was]{#low-pay} too\nlow']);
    assert.equal(hits[0].text, 'was too low');
  });

  it('finds a phrase across a quote line break and its `> ` marker', () => {
    const hits = search(STUDY, { pattern: 'well, it was', mode: 'phrase' });
    assert.deepEqual(covered(STUDY, hits), ['well,\n> it was']);
    assert.equal(hits[0].order, 'first');
  });

  it('never finds front matter, code blocks, inline code, link destinations or tag names', () => {
    const hits = search(STUDY, { pattern: 'stipend' });
    assert.deepEqual(covered(STUDY, hits), ['stipend', 'stipend', 'stipend']);
    assert.deepEqual(hits.map((hit) => hit.blockKind), ['heading', 'paragraph', 'paragraph']);
    assert.equal(search(STUDY, { pattern: 'recipients' }).length, 0, 'front matter');
    assert.equal(search(STUDY, { pattern: 'pay' }).length, 0, 'tag names are not text');
    assert.equal(search(STUDY, { pattern: 'example' }).length, 0, 'link destination');
    assert.equal(search(STUDY, { pattern: 'a link' , mode: 'phrase'}).length, 1, 'link text is text');
  });

  it('reads escapes and character references as the characters they stand for', () => {
    assert.deepEqual(covered(STUDY, search(STUDY, { pattern: 'été' })), ['&eacute;t&eacute;']);
    assert.deepEqual(covered(STUDY, search(STUDY, { pattern: '*stars*' })), ['\\*stars\\*']);
  });

  it('reads runs of white space (tabs, no-break spaces, leading and trailing ones) as one space, mapped to them all', () => {
    const text = ' a  b\tc\u00a0d  e \\* f ';
    const reader = readerText(text);
    assert.equal(reader.value, 'a b c d e * f');
    const files = [...reader.value].map((_, at) => text.slice(...reader.fileRange(at, at + 1)));
    assert.deepEqual(files, ['a', '  ', 'b', '\t', 'c', '\u00a0', 'd', '  ', 'e', ' ', '\\*', ' ', 'f']);
  });

  it('gives each hit its study, block, order and context', () => {
    const [hit] = search(STUDY, { pattern: 'never enough', mode: 'phrase' });
    assert.equal(hit.studyId, 'smith2019');
    assert.equal(hit.path, 'studies/s.md');
    assert.equal(hit.order, 'first');
    assert.equal(hit.before, '"The stipend, well, it was ');
    assert.equal(hit.after, '," said one.');
  });
});

describe('text search: modes and options', () => {
  const TEXT = 'Pay and payment; PAY rises. Repay.\n';

  it('words: any of them, case-insensitive by default', () => {
    assert.deepEqual(covered(TEXT, search(TEXT, { pattern: 'pay rises' })), ['Pay', 'pay', 'PAY', 'rises', 'pay']);
  });

  it('whole words and case', () => {
    assert.deepEqual(covered(TEXT, search(TEXT, { pattern: 'pay', wholeWord: true })), ['Pay', 'PAY']);
    assert.deepEqual(covered(TEXT, search(TEXT, { pattern: 'pay', caseSensitive: true })), ['pay', 'pay']);
  });

  it('regular expressions, and their bounds with a message', () => {
    assert.deepEqual(covered(TEXT, search(TEXT, { pattern: 'pay\\w+', mode: 'regex' })), ['payment']);
    const message = (pattern: string): string => {
      try {
        search(TEXT, { pattern, mode: 'regex' });
      } catch (error) {
        assert.ok(error instanceof SearchQueryError);
        return error.message;
      }
      assert.fail(`${pattern} was accepted`);
    };
    assert.match(message('(a+)+b'), /exponential/);
    assert.match(message('a*'), /empty text/);
    assert.match(message('pay('), /not valid/);
    assert.match(message('x'.repeat(1001)), /at most 1000/);
  });

  it('a regular expression never matches across two blocks', () => {
    const text = 'first ends\n\nsecond starts\n';
    assert.equal(search(text, { pattern: 'ends\\s+second', mode: 'regex' }).length, 0);
  });

  it('special characters of words and phrases are literal', () => {
    const text = 'Costs (in $) rose by 2.5-fold.\n';
    assert.deepEqual(covered(text, search(text, { pattern: '(in $)', mode: 'phrase' })), ['(in $)']);
    assert.deepEqual(covered(text, search(text, { pattern: '2.5-fold' })), ['2.5-fold']);
  });
});

describe('text search: limits', () => {
  const other = '---\nid: jones\nperspective: staff\n---\nThe stipend was fine.\n';

  it('the filter language limits the studies', () => {
    const sources = [source('studies/a.md', STUDY), source('studies/b.md', other)];
    const result = searchStudies(sources, { pattern: 'stipend', mode: 'words', filter: parseFilter('perspective=recipients') });
    assert.deepEqual([...new Set(result.hits.map((hit) => hit.studyId))], ['smith2019']);
    assert.equal(result.studiesSearched, 1);
  });

  it('coded and not coded with a code; already coded with the target codes', () => {
    assert.deepEqual(covered(STUDY, search(STUDY, { pattern: 'stipend', coded: { code: 'low-pay', coded: true } })), ['stipend']);
    assert.equal(search(STUDY, { pattern: 'stipend', coded: { code: 'low-pay', coded: false } }).length, 2);
    // `#pay` is a block tag of the paragraph: every hit in it is coded with it.
    const flags = search(STUDY, { pattern: 'stipend', targetCodes: ['pay'] }).map((hit) => hit.alreadyCoded);
    assert.deepEqual(flags, [false, true, false]);
    assert.deepEqual(search(STUDY, { pattern: 'stipend', targetCodes: ['pay', 'low-pay'] }).map((hit) => hit.alreadyCoded), [false, true, false]);
    assert.deepEqual(search(STUDY, { pattern: 'live', targetCodes: ['pay', 'low-pay'] }).map((hit) => hit.alreadyCoded), [false]);
  });

  it('stops at the hit bound and says so', () => {
    const result = searchStudies([source('studies/s.md', 'pay '.repeat(50))], { pattern: 'pay', mode: 'words', maxHits: 10 });
    assert.equal(result.hits.length, 10);
    assert.equal(result.truncated, 'hits');
  });

  it('a corpus keeps reader texts while texts stay the same, and rebuilds a changed one', () => {
    const corpus = new SearchCorpus();
    const first = corpus.prepare('studies/s.md', STUDY);
    assert.equal(corpus.prepare('studies/s.md', `${STUDY}`), first);
    const changed = corpus.prepare('studies/s.md', `${STUDY}More stipend.\n`);
    assert.notEqual(changed, first);
    assert.equal(searchStudies([source('studies/s.md', `${STUDY}More stipend.\n`)], { pattern: 'stipend', mode: 'words' }, corpus).hits.length, 4);
  });
});
