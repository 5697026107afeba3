import { strict as assert } from 'node:assert';
import { parseCodebook } from '../../../src/core/codebook';
import { parseMemo } from '../../../src/core/memo/memo';
import { memoNameSuggestions } from '../../../src/core/memo/memoReferences';
import { ReviewIndex } from '../../../src/core/reviewIndex';
import { parseStudy } from '../../../src/core/study';
import { closestNames, editDistance } from '../../../src/core/text/closestNames';

describe('quick-fix names for memo targets the review does not have', () => {
  it('edit distance, and the closest names within half the length, nearest first', () => {
    assert.equal(editDistance('low-pya', 'low-pay'), 2);
    assert.equal(editDistance('', 'abc'), 3);
    assert.deepEqual(closestNames('low-pya', ['hope', 'low-pay', 'low-pays', 'pay']), ['low-pay', 'low-pays']);
    assert.deepEqual(closestNames('xyz', ['hope', 'low-pay']), []);
  });

  it('offers codes for a code, study ids for a study, theme titles for a theme', () => {
    const index = new ReviewIndex();
    index.setCodebook(parseCodebook('codebook.md', '# Pay\n- #low-pay: Pay.\n- #hope: Hope.\n'));
    index.setStudy(parseStudy('studies/a.md', '---\nid: alder-2010\n---\n[x]{#low-pay}\n'));
    const text = '---\nabout:\n  codes: [low-pya]\n  themes: [Payy]\n  studies: [alder-2011]\n---\nSee #hpoe and @aldr-2010.\n';
    const memo = parseMemo('memos/m.md', text);
    const at = (needle: string, name: string): string[] => memoNameSuggestions(index, memo, name, text.indexOf(needle));
    assert.deepEqual(at('low-pya', 'low-pya'), ['low-pay']);
    assert.deepEqual(at('hpoe', 'hpoe'), ['hope']);
    assert.deepEqual(at('alder-2011', 'alder-2011'), ['alder-2010']);
    assert.deepEqual(at('aldr-2010', 'aldr-2010'), ['alder-2010']);
    assert.deepEqual(at('Payy', 'Payy'), ['Pay']);
  });
});
