import { strict as assert } from 'node:assert';
import { codingUnitsOfStudy } from '../../../src/core/agreement/codingUnits';
import { mergeRanges } from '../../../src/core/text/ranges';
import { parseStudy } from '../../../src/core/study';

function units(text: string, path = 'studies/s.md') {
  return codingUnitsOfStudy(parseStudy(path, text), text).map((unit) => ({
    line: unit.line,
    text: unit.text,
    coverage: Object.fromEntries([...unit.coverage].map(([code, ranges]) => [code, ranges.map(([start, end]) => unit.text.slice(start, end))])),
  }));
}

describe('coding units (blocks with tag syntax removed)', () => {
  it('makes one unit per paragraph, list item and quote paragraph, without headings or front matter', () => {
    const text = '---\nid: s\n---\n# Findings\n\nA paragraph.\n\n- item one\n- item two\n\n> A quote\n> over two lines.\n';
    assert.deepEqual(
      units(text).map((unit) => [unit.line, unit.text]),
      [
        [6, 'A paragraph.'],
        [8, 'item one'],
        [9, 'item two'],
        [11, 'A quote over two lines.'],
      ],
    );
  });

  it('records which characters each code covers: spans, nested spans, block tags', () => {
    const text = 'Peer workers [felt [excluded]{#exclusion} at work]{#prejudice} and [underpaid]{#pay}.\n\nA whole block. #context\n';
    assert.deepEqual(units(text), [
      { line: 1, text: 'Peer workers felt excluded at work and underpaid.', coverage: { exclusion: ['excluded'], prejudice: ['felt excluded at work'], pay: ['underpaid'] } },
      { line: 3, text: 'A whole block.', coverage: { context: ['A whole block.'] } },
    ]);
  });

  it('applies a line of tags alone to the block before it and makes no unit of it', () => {
    const text = '> "They see me as a client."\n\n#prejudice #identity\n';
    assert.deepEqual(units(text), [{ line: 1, text: '"They see me as a client."', coverage: { prejudice: ['"They see me as a client."'], identity: ['"They see me as a client."'] } }]);
  });

  it('gives the same key to a passage however it was tagged', () => {
    const spans = 'First [passage]{#a} here.\n\nSecond.\n';
    const blockTags = 'First passage here. #b\n\nSecond.\n\n#c\n';
    const keys = (text: string) => codingUnitsOfStudy(parseStudy('s.md', text), text).map((unit) => unit.key);
    assert.deepEqual(keys(spans), keys(blockTags));
  });

  it('keys by study id and numbers repeated texts', () => {
    const text = '---\nid: smith-2001\n---\nYes.\n\nYes.\n';
    const keys = codingUnitsOfStudy(parseStudy('studies/x.md', text), text).map((unit) => unit.key);
    assert.deepEqual(keys, ['smith-2001\u0000yes.\u00000', 'smith-2001\u0000yes.\u00001']);
  });

  it('merges overlapping ranges', () => {
    assert.deepEqual(mergeRanges([[5, 9], [0, 3], [2, 4], [9, 10]]), [[0, 4], [5, 10]]);
  });
});
