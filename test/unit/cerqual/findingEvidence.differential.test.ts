/**
 * The review's evidence source answers "which studies contribute" from the index's
 * per-study code counts, and the evidence reads segments only when asked: both held
 * here to the plain path (the contributing studies read from the codes' segment
 * lists) on every theme of the fixtures, the demo and a generated review, each also
 * with contrary codes taken from another theme or from its own.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { findingEvidence, type EvidenceSource, type FindingEvidence } from '../../../src/core/cerqual/findingEvidence';
import { reviewEvidenceSource } from '../../../src/core/cerqual/reviewFindings';
import type { Theme } from '../../../src/core/model';
import { loadReview, type Review } from '../../../src/core/review';
import { NodeReviewHost } from '../../../src/node/nodeHost';
import { generateReview, writeReview } from '../../bench/reviewGenerator';
import { CERQUAL_FIXTURE } from './fixture';

const ROOT = path.resolve(__dirname, '../../..');
const REVIEWS = ['test/fixtures/cerqual', 'test/fixtures/report/mini', 'test/fixtures/report/hostile', 'test/fixtures/refi/review-tricky', 'examples/peer-support'];

/** Everything a finding's evidence holds, read out as plain data. */
function view(evidence: FindingEvidence): unknown {
  return {
    codes: evidence.codes,
    contraryCodes: evidence.contraryCodes,
    studies: evidence.studies.map((entry) => ({ path: entry.study.path, citation: entry.citation, segments: entry.segments, firstOrder: entry.firstOrder, concerns: entry.concerns, answered: entry.answered, passesSensitivity: entry.passesSensitivity })),
    segments: evidence.segments,
    firstOrder: evidence.firstOrder,
    byCode: evidence.byCode,
    participants: evidence.participants,
    methodological: evidence.methodological,
    relevance: evidence.relevance,
    contrary: { segments: evidence.contrary.segments.map((entry) => [entry.study.path, entry.segment.range.start, entry.citation, entry.codes]), studies: evidence.contrary.studies },
    basis: { studies: evidence.basis.studies, segments: evidence.basis.segments, fingerprint: evidence.basis.fingerprint },
  };
}

/** Each theme, and the same theme with a contrary code from the next theme and with one of its own. */
function variants(themes: readonly Theme[]): Theme[] {
  return themes.flatMap((theme, at) => {
    const other = themes[(at + 1) % themes.length].codes[0];
    const own = theme.codes[theme.codes.length - 1];
    const withContrary = (code: string | undefined): Theme[] => (code ? [{ ...theme, contrary: [...theme.contrary, { code, range: theme.range }] }] : []);
    return [theme, ...withContrary(other), ...withContrary(own)];
  });
}

function assertAgrees(review: Review): number {
  const source = reviewEvidenceSource(review.index);
  assert.ok(source.studyUsesAny, 'the review source answers from the code counts');
  const { studyUsesAny: _counts, ...plain } = source;
  const listsOnly: EvidenceSource = plain;
  const themes = variants(review.index.allThemes());
  for (const theme of themes) {
    const fast = findingEvidence(theme, source, review.config.cerqual);
    const slow = findingEvidence(theme, listsOnly, review.config.cerqual);
    assert.deepEqual(view(fast), view(slow), theme.title);
    // Every contributing study has supporting segments, and together they hold all of them.
    assert.equal(
      fast.studies.reduce((sum, entry) => sum + entry.segments, 0),
      fast.segments,
      theme.title,
    );
    assert.ok(fast.studies.every((entry) => entry.segments > 0), theme.title);
  }
  return themes.length;
}

describe('finding evidence from the code counts = from the segment lists (differential)', () => {
  for (const dir of REVIEWS) {
    it(`agrees on every theme of ${dir}`, async () => {
      const review = await loadReview(new NodeReviewHost(dir === 'test/fixtures/cerqual' ? CERQUAL_FIXTURE : path.join(ROOT, dir)));
      assert.ok(assertAgrees(review) > 0);
    });
  }

  it('agrees on every theme of a generated review', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qualsynth-evidence-'));
    try {
      await writeReview(dir, generateReview({ studies: 80, sizeKB: 2, codes: 30, seed: 11 }));
      assert.ok(assertAgrees(await loadReview(new NodeReviewHost(dir))) > 20);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
