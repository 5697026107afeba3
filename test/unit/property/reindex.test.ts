/**
 * Incremental indexing equals indexing from scratch: setting a study twice, or
 * setting, removing and setting it again, or passing through another version of it,
 * leaves the same summary, problems, code → study paths and segment lists as a fresh
 * index of the final files, whether or not they were read before the change.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseCodebook } from '../../../src/core/codebook';
import { ReviewIndex } from '../../../src/core/reviewIndex';
import { parseStudy } from '../../../src/core/study';
import { codebookText, markdownDocument } from './arbitraries';
import { COSTLY_RUNS, propertyParameters } from './settings';

function freshIndex(codebook: string, studies: readonly string[]): ReviewIndex {
  const index = new ReviewIndex();
  index.setCodebook(parseCodebook('codebook.md', codebook));
  studies.forEach((text, i) => index.setStudy(parseStudy(`studies/s${i}.md`, text)));
  return index;
}

function state(index: ReviewIndex): unknown {
  const codes = index.codes();
  const paths = codes.map((code) => [...index.studyPathsOf(code.name)].sort());
  const lists = codes.map((code) => index.segmentListOf(code.name).map((segment) => `${segment.path}:${segment.range.start}`));
  return { summary: index.summary(), problems: index.problems(), codes, paths, lists, segments: index.segments().length };
}

describe('property: re-indexing equals indexing from scratch', function () {
  this.timeout(120_000);
  const review = fc.record({
    codebook: codebookText,
    studies: fc.array(markdownDocument, { minLength: 1, maxLength: 4 }),
    other: markdownDocument,
    which: fc.nat(),
    // Read first: the index's derived maps (code → studies, segment lists) are built, then kept through the change.
    readFirst: fc.boolean(),
    route: fc.constantFrom('set twice', 'set, remove, set', 'via another version', 'codebook twice'),
  });

  it('gives the same summary, problems and codes', () => {
    fc.assert(
      fc.property(review, ({ codebook, studies, other, which, readFirst, route }) => {
        const index = freshIndex(codebook, studies);
        if (readFirst) state(index);
        const i = which % studies.length;
        const path = `studies/s${i}.md`;
        if (route === 'set twice') index.setStudy(parseStudy(path, studies[i]));
        if (route === 'set, remove, set') {
          index.removeStudy(path);
          index.setStudy(parseStudy(path, studies[i]));
        }
        if (route === 'via another version') {
          index.setStudy(parseStudy(path, other));
          index.setStudy(parseStudy(path, studies[i]));
        }
        if (route === 'codebook twice') index.setCodebook(parseCodebook('codebook.md', codebook));
        assert.deepEqual(state(index), state(freshIndex(codebook, studies)));
      }),
      propertyParameters('re-indexing equals a fresh index', COSTLY_RUNS),
    );
  });
});
