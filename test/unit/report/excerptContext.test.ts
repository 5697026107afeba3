import { strict as assert } from 'node:assert';
import { excerptText, type ExcerptContext } from '../../../src/core/report/excerptContext';
import { parseStudy } from '../../../src/core/study';

/** Each segment's excerpt as `lead[coded]trail`, with … where it is cut. */
function quotes(text: string, context: ExcerptContext): string[] {
  return parseStudy('studies/s.md', text).segments.map((segment) => {
    const quote = excerptText(segment, context);
    return `${quote.cutBefore ? '… ' : ''}${quote.lead}[${quote.coded}]${quote.trail}${quote.cutAfter ? ' …' : ''}`;
  });
}

describe('excerpts a manuscript can quote', () => {
  const TEXT = 'We met twice. [We hoped]{#hope #stigma}, they said. [Pay]{#pay} was low; hours [were short]{#hours}! Then it ended.\n\n> I felt [seen]{#seen} "at last." Others agreed.\n';

  it('reach the whole sentence, an ellipsis marking a cut, the coded words apart', () => {
    assert.deepEqual(quotes(TEXT, 'sentence'), ['… [We hoped], they said. …', '… [Pay] was low; hours were short! …', '… Pay was low; hours [were short]! …', 'I felt [seen] "at last." …']);
  });

  it('reach the paragraph, or only the coded words', () => {
    assert.deepEqual(quotes(TEXT, 'paragraph')[1], 'We met twice. We hoped, they said. [Pay] was low; hours were short! Then it ended.');
    assert.deepEqual(quotes(TEXT, 'words'), ['[We hoped]', '[Pay]', '[were short]', '[seen]']);
  });

  it('read nested spans and a block coded by bare tags as readers see them', () => {
    const nested = '[Paid little]{#pay} and [a friend [who crossed]{#boundary}]{#friend}.\n\nA whole block. #block\n';
    assert.deepEqual(quotes(nested, 'sentence'), ['[Paid little] and a friend who crossed.', 'Paid little and [a friend who crossed].', 'Paid little and a friend [who crossed].', '[A whole block.]']);
  });
});
