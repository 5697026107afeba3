/**
 * The property test of auto-coding: for random documents, searches and units,
 * auto-coding either refuses with a reason or (1) only inserts text, so the document
 * without the new tags is byte-identical to the original, (2) leaves the text readers
 * see exactly as it was, (3) leaves every hit it did not skip in a passage with the
 * code, (4) changes nothing when run again, and (5) adds no problem.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { applyEdits } from '../../../src/core/edits/textEdit';
import { parseStudy } from '../../../src/core/study';
import { AUTOCODE_UNITS, AutocodeError, autocodeEdits, type AutocodeUnit } from '../../../src/core/search/autocode';
import { readerText } from '../../../src/core/search/readerText';
import { searchStudies, type SearchResult } from '../../../src/core/search/searchStudies';
import type { SearchQuery } from '../../../src/core/search/searchQuery';
import { markdownDocument } from './arbitraries';
import { COSTLY_RUNS, propertyParameters } from './settings';

const PATH = 'studies/s.md';
const WORDS = ['peer', 'workers', 'felt', 'treated', 'as', 'patients', 'pay', 'was', 'low', 'the', 'team', '"quote"', 'C#', 'x#y', 'Low.', 'pay?'];

const prose = fc
  .array(
    fc.oneof(
      fc.constantFrom(...WORDS),
      fc.constantFrom('[being treated]{#staff-prejudice}', '[a [pay]{#x} c]{#y}', '[low pay]{#low-pay coder="jb"}', '#tokenism', '`#code pay`', '<!-- pay -->', '[pay link](https://x.org/pay#b)', '&amp;', '\\*'),
      fc.constantFrom('\n', '\n\n', '\n> ', '\n- ', '\n## ', '\n> #staff-prejudice\n\n', '. ', '! '),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(' '));

const frontMatter = fc.constantFrom('', '---\nid: s\ntitle: pay\n---\n', '---\r\nid: s\r\n---\r\n');
const document = fc.tuple(frontMatter, fc.oneof(prose, prose, fc.tuple(prose, markdownDocument).map(([a, b]) => `${a}\n\n${b}`))).map(([head, body]) => head + body);

const scenario = fc.record({
  text: document,
  pattern: fc.constantFrom('pay', 'low pay', 'the', 'treated', 'workers felt', 'a'),
  mode: fc.constantFrom<SearchQuery['mode']>('words', 'phrase'),
  wholeWord: fc.boolean(),
  unit: fc.constantFrom<AutocodeUnit>(...AUTOCODE_UNITS),
  code: fc.constantFrom('x', 'pay', 'staff-prejudice', 'low-pay'),
});

function search(text: string, query: SearchQuery): SearchResult {
  return searchStudies([{ study: parseStudy(PATH, text), text }], query);
}

describe('property: auto-coding changes nothing but the coding asked for', function () {
  this.timeout(300_000);

  it('refuses with a reason, or inserts only tags, keeps the reader text, codes every hit it keeps, and is idempotent', () => {
    const runs = Math.max(1, Math.ceil(COSTLY_RUNS / 4));
    let coded = 0;
    fc.assert(
      fc.property(scenario, ({ text, pattern, mode, wholeWord, unit, code }) => {
        const query: SearchQuery = { pattern, mode, wholeWord };
        const result = search(text, query);
        let plan;
        try {
          plan = autocodeEdits(result, result.hits, result.texts, [code], unit);
        } catch (error) {
          if (error instanceof AutocodeError) return;
          throw error;
        }
        if (plan.edits.length === 0) return;
        coded++;
        // (1) Only insertions.
        assert.ok(plan.edits.every((edit) => edit.start === edit.end), 'only insertions');
        const after = applyEdits(text, plan.edits);
        // (2) The text readers see is unchanged.
        assert.equal(readerText(after).value, readerText(text).value, 'the reader text changed');
        // (3) Every hit not skipped is now in a passage with the code.
        const skipped = new Set(plan.skipped.map((skip) => `${skip.hit.readerStart}:${skip.hit.readerEnd}`));
        const again = search(after, { ...query, targetCodes: [code] });
        assert.equal(again.hits.length, result.hits.length);
        for (const hit of again.hits) if (!skipped.has(`${hit.readerStart}:${hit.readerEnd}`)) assert.ok(hit.alreadyCoded, `a hit at ${hit.start} is not coded with #${code}`);
        // (4) Auto-coding again changes nothing.
        assert.deepEqual(autocodeEdits(again, again.hits, again.texts, [code], unit).edits, [], 'the second auto-code changed something');
        // (5) No new problem.
        assert.ok(parseStudy(PATH, after).problems.length <= parseStudy(PATH, text).problems.length, 'a new problem');
      }),
      propertyParameters('auto-coding', runs),
    );
    console.log(`      [property] ${coded} of ${runs} cases coded, the others had no hits or were refused with a reason`);
    assert.ok(coded > runs / 10, `only ${coded} of ${runs} cases were coded: the property tested too little`);
  });
});
