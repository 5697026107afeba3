import { strict as assert } from 'node:assert';
import { findingAt, findingCard } from '../../../src/core/cerqual/findingCard';
import { concernSummary } from '../../../src/core/cerqual/levelWords';
import { findingThemes, reviewEvidenceSource, reviewFindingEvidence } from '../../../src/core/cerqual/reviewFindings';
import { NodeReviewHost } from '../../../src/node/nodeHost';
import { loadReview } from '../../../src/core/review';
import { CERQUAL_FIXTURE } from './fixture';

describe('the finding card of the hover', () => {
  it('gives the statement, judgement, summary, each component with its data, the contrary segments', async () => {
    const review = await loadReview(new NodeReviewHost(CERQUAL_FIXTURE));
    const [stigma] = findingThemes(review.index.themes());
    const source = reviewEvidenceSource(review.index);
    const card = findingCard(stigma, reviewFindingEvidence(review.index, stigma, review.config.cerqual, source), source, review.config.cerqual);
    assert.equal(card.statement, 'Peer workers met stigma from colleagues at work.');
    assert.match(card.assessment, /^Moderate confidence — minor concerns about methodological limitations/);
    assert.equal(card.summary, '3 studies · 4 segments (2 first-order) · 35 participants');
    assert.deepEqual(card.components.map((component) => component.judged.split(' — ')[0]), ['Minor concerns', 'Minor concerns', 'Minor concerns', 'No or very minor concerns']);
    assert.deepEqual(card.components[2].data, ['3 studies, 4 segments (2 first-order, 50%); 35 participants (3 of 3 studies report a number).', 'Segments per study: 1–2.']);
    assert.deepEqual(card.contrary, ['Adams 2001, studies/adams-2001.md:17: Some colleagues treated them as equals']);
    assert.deepEqual(card.notes.map((note) => note.split(':')[0]), ['This judgement records no basis']);
  });

  it('finds the finding under the cursor: its heading, statement or judgement lines, not its codes', async () => {
    const review = await loadReview(new NodeReviewHost(CERQUAL_FIXTURE));
    const codebook = review.index.codebook;
    const [stigma] = findingThemes(codebook.themes);
    assert.equal(findingAt(codebook, stigma.range.start + 3), stigma);
    assert.equal(findingAt(codebook, stigma.cerqual!.components[1].range.start + 5), stigma);
    assert.equal(findingAt(codebook, codebook.definitions.find((definition) => definition.code === 'stigma')!.range.start), undefined);
    assert.equal(findingAt(codebook, codebook.themes[0].range.start), undefined, 'the top-level theme is not a finding');
  });

  it('sums up the concerns, most serious first, as a starting point for the overall explanation', () => {
    assert.equal(
      concernSummary([
        { component: 'methodological-limitations', concern: 'minor' },
        { component: 'coherence', concern: 'no or very minor' },
        { component: 'adequacy', concern: 'minor' },
        { component: 'relevance', concern: 'moderate' },
      ]),
      'moderate concerns about relevance, minor concerns about methodological limitations and adequacy, and no or very minor concerns about coherence.',
    );
    assert.equal(concernSummary([{ component: 'coherence', concern: 'serious' }]), 'serious concerns about coherence.');
  });
});
