/**
 * The data behind a review finding, computed from the coding so that the team judges
 * each GRADE-CERQual component from evidence (Lewin et al. 2018): which studies
 * contribute and how much (adequacy), how they were appraised, weighted by what they
 * contribute (methodological limitations), where they come from (relevance), and the
 * segments coded as contrary or disconfirming (coherence). Pure: the studies and
 * their segments come from an `EvidenceSource` (the whole review, or a report's filter).
 */
import type { CerqualSettings, Segment, Study, Theme } from '../model';
import { compareText } from '../text/compareText';
import { fingerprintOf } from './fingerprint';
import { factsOf, methodologicalData, reviewValuesOf, spreadOf } from './studySpreads';

/** Where a finding's evidence is read from. */
export interface EvidenceSource {
  /** The studies considered (all, or those a filter keeps), in citation order. */
  readonly studies: readonly Study[];
  /** Every study of the review, to tell which attribute values a finding lacks. */
  readonly reviewStudies: readonly Study[];
  /**
   * Every segment among `studies` that carries `code`, each study's together (by study,
   * then position). The source's list: read, never changed.
   */
  segmentsOf(code: string): readonly Segment[];
  /**
   * Whether a segment of `study` carries one of `codes`, for a source that knows without
   * reading segments (the index keeps per-study code counts). Without it the lists tell.
   */
  studyUsesAny?(study: Study, codes: readonly string[]): boolean;
  /** "Author Year" of a study path. */
  citation(path: string): string;
}

/** What one study contributes to a finding. */
export interface StudyContribution {
  readonly study: Study;
  readonly citation: string;
  /** Supporting segments. */
  readonly segments: number;
  readonly firstOrder: number;
  /** CASP keys answered other than yes (checklist order as written); absent when the study has no CASP answers. */
  readonly concerns?: readonly string[];
  /** Number of CASP questions the study answers. */
  readonly answered: number;
  /** Whether the study passes the sensitivity criteria (`cerqual.sensitivity`). */
  readonly passesSensitivity: boolean;
}

/** A segment coded with a code marked contrary for the finding. */
export interface ContrarySegment {
  readonly segment: Segment;
  readonly study: Study;
  readonly citation: string;
  /** The contrary codes it carries. */
  readonly codes: readonly string[];
}

/** How many studies, and what share of the supporting segments, answered a CASP item other than yes. */
export interface CaspItemShare {
  readonly key: string;
  readonly studies: number;
  readonly segments: number;
}

/** The spread of one study attribute over the contributing studies. */
export interface AttributeSpread {
  readonly attribute: string;
  /** Values by number of contributing studies (most first), with their segments. */
  readonly values: ReadonlyArray<{ readonly value: string; readonly studies: number; readonly segments: number }>;
  /** Values some study of the review has but no contributing study does. */
  readonly missing: readonly string[];
}

/** The data of one review finding. */
export interface FindingEvidence {
  readonly theme: Theme;
  /** The finding's supporting codes: its own and its sub-themes', less the contrary ones. */
  readonly codes: readonly string[];
  readonly contraryCodes: readonly string[];
  /** Contributing studies (with at least one supporting segment), in citation order. */
  readonly studies: readonly StudyContribution[];
  /** Supporting segments (a segment with several of the finding's codes counts once). */
  readonly segments: number;
  readonly firstOrder: number;
  /** Supporting segments per code, in code order. */
  readonly byCode: ReadonlyArray<{ readonly code: string; readonly studies: number; readonly segments: number }>;
  /** Sum of the `participants` of the contributing studies that give a number, and how many do. */
  readonly participants: { readonly total: number; readonly reported: number };
  readonly methodological: {
    /** Contributing studies with CASP answers. */
    readonly appraised: number;
    /** Items answered other than yes by at least one contributing study, most segments first. */
    readonly items: readonly CaspItemShare[];
    /** Studies with at least one answer other than yes, and their segments. */
    readonly withConcerns: { readonly studies: number; readonly segments: number };
    /** Answers other than yes per segment, each segment weighted by its study's answers (appraised studies only). */
    readonly concernsPerSegment: number;
  };
  readonly relevance: readonly AttributeSpread[];
  readonly contrary: { readonly segments: readonly ContrarySegment[]; readonly studies: number };
  /** What a judgement of this evidence records: study ids, segment count, fingerprint. */
  readonly basis: { readonly studies: readonly string[]; readonly segments: number; readonly fingerprint: string };
}

/** Every code filed under a theme or its sub-themes, in codebook order, without repeats. */
export function codesUnder(theme: Theme): string[] {
  const codes = new Set<string>();
  const visit = (node: Theme): void => {
    node.codes.forEach((code) => codes.add(code));
    node.children.forEach(visit);
  };
  visit(theme);
  return [...codes];
}

/**
 * Computes the data of the finding `theme` from `source`. Which studies contribute is
 * known from the source's code use; what needs their segments (the counts, the
 * contrary segments, the fingerprint) is computed when first read: `check` of a
 * judgement with no `Judged on:` line and no stated segment count reads none of it.
 */
export function findingEvidence(theme: Theme, source: EvidenceSource, settings: CerqualSettings): FindingEvidence {
  const contraryCodes = theme.contrary.map((tag) => tag.code);
  const codes = codesUnder(theme).filter((code) => !contraryCodes.includes(code));
  const contributing = contributingStudies(codes, source);
  let support: Support | undefined;
  const supportNow = (): Support => (support ??= supportOf(codes, source));
  let contrarySegments: Segment[] | undefined;
  const contraryNow = (): Segment[] => (contrarySegments ??= distinctSegments(contraryCodes, source));
  const studies = contributing.map((study) => new Contribution(study, source.citation(study.path), supportNow, settings));
  let firstOrder: number | undefined;
  let participants: FindingEvidence['participants'] | undefined;
  let contrary: FindingEvidence['contrary'] | undefined;
  let methodological: FindingEvidence['methodological'] | undefined;
  let relevance: FindingEvidence['relevance'] | undefined;
  const reviewStudies = source.reviewStudies;
  return {
    theme,
    codes,
    contraryCodes,
    studies,
    get segments() {
      return supportNow().segments;
    },
    get firstOrder() {
      return (firstOrder ??= studies.reduce((sum, entry) => sum + entry.firstOrder, 0));
    },
    get byCode() {
      return supportNow().byCode;
    },
    get participants() {
      return (participants ??= participantsOf(studies));
    },
    get methodological() {
      return (methodological ??= methodologicalData(studies));
    },
    get relevance() {
      return (relevance ??= settings.relevance.map((attribute, position) => spreadOf(attribute, position, studies, settings, reviewValuesOf(reviewStudies, attribute))).filter((spread) => spread.values.length > 0 || spread.missing.length > 0));
    },
    get contrary() {
      return (contrary ??= contraryOf(contraryNow(), contraryCodes, source));
    },
    basis: new EvidenceBasis(
      () => {
        const inFinding = new Set(contributing);
        return byId(source.studies).filter((study) => inFinding.has(study)).map((study) => study.id);
      },
      () => supportNow().segments,
      () => {
        const idOf = new Map(source.studies.map((study) => [study.path, study.id]));
        const fingerprinted = [...new Set([...distinctSegments(codes, source), ...contraryNow()])];
        return fingerprintOf(fingerprinted, (segment) => idOf.get(segment.path) ?? segment.path, [...codes, ...contraryCodes]);
      },
    ),
  };
}

/** The source's studies with a segment coded with one of `codes`, in the source's order. */
function contributingStudies(codes: readonly string[], source: EvidenceSource): Study[] {
  if (source.studyUsesAny) return source.studies.filter((study) => source.studyUsesAny!(study, codes));
  const paths = new Set<string>();
  for (const code of codes) for (const segment of source.segmentsOf(code)) paths.add(segment.path);
  return source.studies.filter((study) => paths.has(study.path));
}

function contraryOf(segments: readonly Segment[], codes: readonly string[], source: EvidenceSource): FindingEvidence['contrary'] {
  const list = contrarySegmentsByStudy(segments, codes, source);
  return { segments: list, studies: new Set(list.map((entry) => entry.study.path)).size };
}

/**
 * The basis of a finding's evidence, each part computed when first read: only a
 * judgement with a `Judged on:` line to compare with, or one being recorded, needs it
 * (the ids sorted, the segments counted, every segment's text read for the fingerprint).
 */
class EvidenceBasis {
  private listed: readonly string[] | undefined;
  private computed: string | undefined;

  constructor(
    private readonly listStudies: () => readonly string[],
    private readonly countSegments: () => number,
    private readonly compute: () => string,
  ) {}

  get studies(): readonly string[] {
    return (this.listed ??= this.listStudies());
  }

  get segments(): number {
    return this.countSegments();
  }

  get fingerprint(): string {
    return (this.computed ??= this.compute());
  }
}

/** A source's studies sorted by id, once per study list: every finding's basis lists its studies so. */
const sortedById = new WeakMap<readonly Study[], readonly Study[]>();

function byId(studies: readonly Study[]): readonly Study[] {
  let sorted = sortedById.get(studies);
  if (!sorted) sortedById.set(studies, (sorted = [...studies].sort((a, b) => compareText(a.id, b.id))));
  return sorted;
}

function distinctSegments(codes: readonly string[], source: EvidenceSource): Segment[] {
  if (codes.length === 1) return [...source.segmentsOf(codes[0])];
  const seen = new Set<Segment>();
  for (const code of codes) for (const segment of source.segmentsOf(code)) seen.add(segment);
  return [...seen];
}

/** A study's supporting segments: how many (each once, whatever the number of the finding's codes it carries), and how many first-order. */
interface StudySupport {
  segments: number;
  firstOrder: number;
}

/** A finding's supporting segments, counted per study and per code. */
interface Support {
  /** Contributing studies by path. */
  readonly byStudy: ReadonlyMap<string, StudySupport>;
  /** Distinct supporting segments. */
  readonly segments: number;
  readonly byCode: FindingEvidence['byCode'];
}

/**
 * Counts the supporting segments in one walk over each code's list, without gathering
 * them. A segment with several codes may be in several of the lists: it is counted
 * where first met. (A Set of those segments, by identity: looking their code names up
 * among the finding's cost twice as much, each study holding its own copy of a name.)
 */
function supportOf(codes: readonly string[], source: EvidenceSource): Support {
  const byStudy = new Map<string, StudySupport>();
  const met = new Set<Segment>();
  let segments = 0;
  const byCode = codes.map((code) => {
    const list = source.segmentsOf(code);
    let studies = 0;
    let counts: StudySupport | undefined;
    for (let at = 0; at < list.length; at++) {
      const segment = list[at];
      // The list holds each study's segments together: a new path starts a new study.
      if (at === 0 || segment.path !== list[at - 1].path) {
        studies++;
        counts = undefined;
      }
      if (segment.codes.length > 1) {
        if (met.has(segment)) continue;
        met.add(segment);
      }
      if (!counts) {
        counts = byStudy.get(segment.path);
        if (!counts) byStudy.set(segment.path, (counts = { segments: 0, firstOrder: 0 }));
      }
      counts.segments++;
      if (segment.order === 'first') counts.firstOrder++;
      segments++;
    }
    return { code, studies, segments: list.length };
  });
  return { byStudy, segments, byCode };
}

function groupByStudy(segments: readonly Segment[]): Map<string, Segment[]> {
  const byStudy = new Map<string, Segment[]>();
  for (const segment of segments) {
    const list = byStudy.get(segment.path);
    if (list) list.push(segment);
    else byStudy.set(segment.path, [segment]);
  }
  return byStudy;
}

/**
 * A study's contribution. Its segment counts are read from the finding's support, and its
 * appraisal from its facts, when first asked for: `check` mostly reads neither. (A class:
 * getters in an object literal cost a closure each per study.)
 */
class Contribution implements StudyContribution {
  constructor(
    readonly study: Study,
    readonly citation: string,
    private readonly support: () => Support,
    private readonly settings: CerqualSettings,
  ) {}

  get segments(): number {
    return this.support().byStudy.get(this.study.path)!.segments;
  }

  get firstOrder(): number {
    return this.support().byStudy.get(this.study.path)!.firstOrder;
  }

  get concerns(): readonly string[] | undefined {
    return factsOf(this.study, this.settings).concerns;
  }

  get answered(): number {
    return factsOf(this.study, this.settings).answered;
  }

  get passesSensitivity(): boolean {
    return factsOf(this.study, this.settings).passesSensitivity;
  }
}

/** The contrary segments, study by study in the source's order, each study's in text order. */
function contrarySegmentsByStudy(segments: readonly Segment[], codes: readonly string[], source: EvidenceSource): ContrarySegment[] {
  if (segments.length === 0) return [];
  const byStudy = groupByStudy(segments);
  return source.studies.flatMap((study) =>
    (byStudy.get(study.path) ?? [])
      .sort((a, b) => a.range.start - b.range.start)
      .map((segment) => ({ segment, study, citation: source.citation(study.path), codes: segment.codes.filter((code) => codes.includes(code)) })),
  );
}

function participantsOf(studies: readonly StudyContribution[]): { total: number; reported: number } {
  let total = 0;
  let reported = 0;
  for (const { study } of studies) {
    const value = Number(study.attributes.participants);
    if (study.attributes.participants === null || study.attributes.participants === '' || !Number.isFinite(value)) continue;
    total += value;
    reported++;
  }
  return { total, reported };
}
