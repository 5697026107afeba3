/** The review findings of a codebook, and their evidence over the whole review. */
import type { CerqualSettings, Theme } from '../model';
import { citationLabels } from '../report/citation';
import { type ReviewIndex } from '../reviewIndex';
import { compareText } from '../text/compareText';
import { findingEvidence, type EvidenceSource, type FindingEvidence } from './findingEvidence';

/** The themes that are review findings (a `Finding:` paragraph or a judgement), depth first in codebook order. */
export function findingThemes(themes: readonly Theme[]): Theme[] {
  const out: Theme[] = [];
  const visit = (theme: Theme): void => {
    if (theme.finding) out.push(theme);
    theme.children.forEach(visit);
  };
  themes.forEach(visit);
  return out;
}

/** Every study of the review as an evidence source, in citation order. */
export function reviewEvidenceSource(index: ReviewIndex): EvidenceSource {
  const all = index.studies();
  const citations = citationLabels(all);
  const citation = (path: string): string => citations.get(path) ?? path;
  return {
    studies: [...all].sort((a, b) => compareText(citation(a.path), citation(b.path)) || compareText(a.path, b.path)),
    reviewStudies: all,
    segmentsOf: (code) => index.segmentListOf(code),
    studyUsesAny: (study, codes) => index.studyUsesAnyCode(study.path, codes),
    citation,
  };
}

/** A finding's evidence over the whole review. */
export function reviewFindingEvidence(index: ReviewIndex, theme: Theme, settings: CerqualSettings, source = reviewEvidenceSource(index)): FindingEvidence {
  return findingEvidence(theme, source, settings);
}
