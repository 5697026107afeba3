/**
 * The data behind each finding of the small fixture (test/fixtures/cerqual), every
 * number worked out by hand from its four study files.
 */
import { strict as assert } from 'node:assert';
import { componentData } from '../../../src/core/cerqual/evidenceWording';
import type { FindingEvidence } from '../../../src/core/cerqual/findingEvidence';
import { findingThemes, reviewFindingEvidence } from '../../../src/core/cerqual/reviewFindings';
import { formatFilter } from '../../../src/core/filter';
import { NodeReviewHost } from '../../../src/node/nodeHost';
import { loadReview, type Review } from '../../../src/core/review';

import { CERQUAL_FIXTURE } from './fixture';

describe('the data behind a finding (hand-computed on the small fixture)', () => {
  let review: Review;
  let stigma: FindingEvidence;
  let hope: FindingEvidence;
  before(async () => {
    review = await loadReview(new NodeReviewHost(CERQUAL_FIXTURE));
    const findings = findingThemes(review.index.themes());
    assert.deepEqual(findings.map((theme) => theme.title), ['Stigma', 'Hope']);
    [stigma, hope] = findings.map((theme) => reviewFindingEvidence(review.index, theme, review.config.cerqual));
  });
  const contributions = (evidence: FindingEvidence) => evidence.studies.map((entry) => [entry.citation, entry.segments, entry.firstOrder, entry.concerns, entry.passesSensitivity]);

  it('takes the supporting codes of the theme and its sub-themes, contrary codes apart', () => {
    assert.deepEqual([stigma.codes, stigma.contraryCodes], [['stigma'], ['acceptance']]);
    assert.deepEqual([hope.codes, hope.contraryCodes], [['hope', 'role-model'], []]);
  });

  it('lists the contributing studies in citation order with their segments, CASP answers not yes and sensitivity', () => {
    assert.deepEqual(contributions(stigma), [
      ['Adams 2001', 2, 1, [], true],
      ['Brown & Black 2002', 1, 1, ['relationship', 'analysis'], false],
      ['Clark 2003', 1, 0, ['findings'], false],
    ]);
    // Clark's one passage carries both #hope and #role-model: one segment. Davis has no CASP answers.
    assert.deepEqual(contributions(hope), [
      ['Clark 2003', 1, 0, ['findings'], false],
      ['Davis et al. 2004', 1, 1, undefined, false],
    ]);
  });

  it('counts the adequacy data: studies, segments, first-order share, participants', () => {
    assert.deepEqual([stigma.segments, stigma.firstOrder, stigma.participants], [4, 2, { total: 35, reported: 3 }]);
    assert.deepEqual([hope.segments, hope.firstOrder, hope.participants], [2, 1, { total: 5, reported: 1 }]);
    assert.deepEqual(hope.byCode, [{ code: 'hope', studies: 2, segments: 2 }, { code: 'role-model', studies: 1, segments: 1 }]);
  });

  it('weights the CASP answers by the segments each study contributes', () => {
    assert.deepEqual(stigma.methodological, {
      appraised: 3,
      items: [{ key: 'analysis', studies: 1, segments: 1 }, { key: 'findings', studies: 1, segments: 1 }, { key: 'relationship', studies: 1, segments: 1 }],
      withConcerns: { studies: 2, segments: 2 },
      concernsPerSegment: (0 * 2 + 2 * 1 + 1 * 1) / 4,
    });
    assert.deepEqual(hope.methodological, { appraised: 1, items: [{ key: 'findings', studies: 1, segments: 1 }], withConcerns: { studies: 1, segments: 1 }, concernsPerSegment: 1 });
  });

  it('spreads the relevance attributes of the project file, with values the finding lacks', () => {
    assert.deepEqual(stigma.relevance.map((spread) => [spread.attribute, spread.values.map((entry) => `${entry.value} ${entry.studies}/${entry.segments}`), spread.missing]), [
      ['perspective', ['workers 2/3', 'recipients 1/1'], []],
      ['country', ['UK 2/3', 'USA 1/1'], []],
      ['setting', ['community 2/3', 'inpatient 1/1'], []],
    ]);
    assert.deepEqual(hope.relevance.map((spread) => [spread.attribute, spread.values.map((entry) => entry.value), spread.missing]), [
      ['perspective', ['recipients'], ['workers']],
      ['country', ['UK', 'USA'], []],
      ['setting', ['community'], ['inpatient']],
    ]);
  });

  it('lists the segments coded contrary', () => {
    assert.deepEqual(stigma.contrary.segments.map((entry) => [entry.citation, entry.codes, entry.segment.text]), [['Adams 2001', ['acceptance'], 'Some colleagues treated them as equals']]);
    assert.equal(stigma.contrary.studies, 1);
  });

  it('records the basis: sorted study ids, segment count, an 8-digit fingerprint', () => {
    assert.deepEqual(stigma.basis.studies, ['adams-2001', 'brown-2002', 'clark-2003']);
    assert.equal(stigma.basis.segments, 4);
    assert.match(stigma.basis.fingerprint, /^[0-9a-f]{8}$/);
    assert.notEqual(stigma.basis.fingerprint, hope.basis.fingerprint);
  });

  it('words the data of each component', () => {
    const context = { sensitivityCriteria: formatFilter(review.config.cerqual.sensitivity) };
    assert.deepEqual(componentData(stigma, context), {
      'methodological-limitations': [
        '3 of 3 studies appraised with CASP; 2 answered other than yes on at least one item, contributing 2 of 4 segments (50%).',
        'Not yes, by item (studies, share of segments): Analysis 1 (25%), Findings 1 (25%), Relationship 1 (25%).',
        'Weighted by segments: 0.8 answers other than yes per segment.',
        'Failing the sensitivity criteria (casp.analysis=yes; casp.findings=yes): Brown & Black 2002, Clark 2003, contributing 2 of 4 segments (50%).',
      ],
      coherence: ['By code: #stigma 3 studies, 4 segments.', 'Marked contrary (#acceptance): 1 segment from 1 study (Adams 2001).'],
      adequacy: ['3 studies, 4 segments (2 first-order, 50%); 35 participants (3 of 3 studies report a number).', 'Segments per study: 1–2.'],
      relevance: ['perspective: workers (2), recipients (1).', 'country: UK (2), USA (1).', 'setting: community (2), inpatient (1).'],
    });
    assert.deepEqual(componentData(hope, context), {
      'methodological-limitations': [
        '1 of 2 studies appraised with CASP; 1 answered other than yes on at least one item, contributing 1 of 2 segments (50%).',
        'Not yes, by item (studies, share of segments): Findings 1 (50%).',
        'Weighted by segments: 1.0 answers other than yes per segment.',
        'Failing the sensitivity criteria (casp.analysis=yes; casp.findings=yes): Clark 2003, Davis et al. 2004, contributing 2 of 2 segments (100%).',
      ],
      coherence: ['By code: #hope 2 studies, 2 segments; #role-model 1 study, 1 segment.', 'No code is marked contrary or disconfirming for this finding.'],
      adequacy: ['2 studies, 2 segments (1 first-order, 50%); 5 participants (1 of 2 studies report a number).', 'Segments per study: 1.'],
      relevance: ['perspective: recipients (2); not represented: workers.', 'country: UK (1), USA (1).', 'setting: community (1); not represented: inpatient.'],
    });
  });
});
