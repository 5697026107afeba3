/**
 * A small review whose matrices and co-occurrence counts are worked out by hand in the
 * tests: nested spans, a block coded by bare tags over spans, a code filed under a
 * sub-theme, list attributes, a study without attributes or coding.
 */
import { parseCodebook } from '../../../src/core/codebook';
import { ReviewIndex } from '../../../src/core/reviewIndex';
import { parseStudy } from '../../../src/core/study';

export const CODEBOOK = `# Roles
- #pay: Pay.
## Boundaries
- #boundary: Boundaries.
- #friend: Friendship.
# Recovery
- #hope: Hope.
- #stigma: Stigma.
`;

/**
 * Segments (and the passages of the segment unit):
 * a: s1 [pay] · s2 [friend ⊃ s3 boundary] · s4 quote block {hope, pay} · s5 [stigma] — blocks B1 {pay, friend, boundary}, B2, B3
 * b: t1 [hope, stigma] · t2 [pay] (one block) · t3 block {friend}
 * c: u3 block {emerging} over u1 [hope] and u2 [hope] (one passage)
 * d: nothing coded
 */
export const STUDIES: Record<string, string> = {
  'a.md': '---\nid: a\nperspective: [workers]\nyear: 2004\ncountry: UK\nparticipants: 10\n---\n[Paid little]{#pay} and [a friend [who crossed]{#boundary}]{#friend}.\n\n> I felt hope. #hope #pay\n\nStigma [everywhere]{#stigma}.\n',
  'b.md': '---\nid: b\nperspective: [workers, recipients]\nyear: 2011\ncountry: USA\nparticipants: "8 (5 women)"\n---\n[We hoped]{#hope #stigma}. [Pay]{#pay} was low.\n\nBeing a friend #friend\n',
  'c.md': '---\nid: c\nperspective: recipients\nyear: 2013\ncountry: uk\n---\n[Hope]{#hope} and [more hope]{#hope}. #emerging\n',
  'd.md': '---\nid: d\nyear: 2020\nparticipants: 5\n---\nNothing coded here.\n',
};

/** The fixture's index. */
export function fixtureIndex(): ReviewIndex {
  const index = new ReviewIndex();
  index.setCodebook(parseCodebook('codebook.md', CODEBOOK));
  for (const [file, text] of Object.entries(STUDIES)) index.setStudy(parseStudy(`studies/${file}`, text));
  return index;
}
