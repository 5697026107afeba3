/**
 * The demo review's judgements match its data: `check` finds nothing to say about
 * them, every finding records the basis it was judged on, and the sensitivity
 * analysis gives the figures the README quotes.
 */
import { strict as assert } from 'node:assert';
import { findingThemes } from '../../../src/core/cerqual/reviewFindings';
import { buildReportModel } from '../../../src/core/report/reportModel';
import type { Review } from '../../../src/core/review';
import { DEMO, load } from '../report/reportFixtures';

describe('the demo review’s GRADE-CERQual judgements', () => {
  let review: Review;
  before(async () => (review = await load(DEMO)));

  it('has eleven findings, each with a statement, four components, an overall confidence and a basis', () => {
    const findings = findingThemes(review.index.themes());
    assert.equal(findings.length, 11);
    for (const theme of findings) {
      assert.equal(theme.finding?.source, 'paragraph', theme.title);
      assert.equal(theme.cerqual?.components.filter((component) => component.concern && component.explanation).length, 4, theme.title);
      assert.ok(theme.cerqual?.confidence && theme.cerqual.explanation && theme.cerqual.basis, theme.title);
    }
  });

  it('passes check: no basis changed, no stated count the data contradict', () => {
    const problems = review.index.problems().filter((problem) => problem.kind.startsWith('cerqual'));
    assert.deepEqual(problems.map((problem) => `${problem.range.startPosition.line + 1}: ${problem.message}`), []);
  });

  it('keeps every finding supported without the 9 weaker studies; 3 lose half or more of their segments', () => {
    const { sensitivity, rows } = buildReportModel(review).findings;
    assert.equal(sensitivity.weaker.length, 9);
    assert.deepEqual(sensitivity.counts, { unchanged: 0, supported: 11, 'one study': 0, lost: 0, 'no evidence': 0 });
    assert.deepEqual(sensitivity.halved.map((number) => rows[number - 1].title), ['Attitudes towards peer workers', 'Benefits to the team', 'Wider social networks']);
  });
});
