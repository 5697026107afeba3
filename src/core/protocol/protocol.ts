/**
 * The review protocol as `qualsynth.yaml` records it under `protocol:`: the search, the
 * eligibility criteria, screening, the PRISMA 2020 counts and the appraisal — what
 * ENTREQ items 2–7, 9, 10 and 12–14 ask the authors to report.
 */

/** One information source searched (ENTREQ 5). */
export interface SearchSource {
  readonly name: string;
  /** The coverage or the date searched, as written (e.g. `1946 to March 2012`). */
  readonly dates?: string;
}

/** How the literature was searched (ENTREQ 3, 5, 6). */
export interface SearchProtocol {
  /** Pre-planned and comprehensive, or iterative (ENTREQ 3). */
  readonly approach?: string;
  readonly sources: readonly SearchSource[];
  /** When the last search was run (`YYYY-MM-DD` or as written). */
  readonly lastSearched?: string;
  /** The search terms (ENTREQ 6). */
  readonly strategy?: string;
  /** Limits such as language or publication years (ENTREQ 6). */
  readonly limits?: string;
}

/** Counts that may be given in total or per source (`{ MEDLINE: 612, CINAHL: 530 }`). */
export interface CountBreakdown {
  readonly total: number;
  /** Named parts, in the order written; empty when only a total was given. */
  readonly parts: ReadonlyArray<{ readonly label: string; readonly count: number }>;
}

/** The PRISMA 2020 path of the records from databases and registers. */
export interface PrismaCounts {
  readonly databases?: CountBreakdown;
  readonly registers?: CountBreakdown;
  /** Removed before screening. */
  readonly duplicates?: number;
  readonly automation?: number;
  readonly otherRemoved?: number;
  readonly screened?: number;
  /** Records excluded at title and abstract screening. */
  readonly excluded?: number;
  readonly sought?: number;
  readonly notRetrieved?: number;
  readonly assessed?: number;
  /** Reports excluded at full text, by reason. */
  readonly reportsExcluded?: CountBreakdown;
  /** Records found by other methods (websites, organisations, citation searching). */
  readonly otherMethods?: PrismaOtherMethods;
  readonly includedStudies?: number;
  readonly includedReports?: number;
}

/** The PRISMA 2020 path of records identified by other methods. */
export interface PrismaOtherMethods {
  readonly identified?: CountBreakdown;
  readonly sought?: number;
  readonly notRetrieved?: number;
  readonly assessed?: number;
  readonly reportsExcluded?: CountBreakdown;
}

/** How the included studies were appraised (ENTREQ 10, 12, 13). */
export interface AppraisalProtocol {
  readonly rationale?: string;
  readonly appraisers: readonly string[];
  /** Independent appraisal, consensus (ENTREQ 12). */
  readonly process?: string;
  /** Whether any study was excluded or weighted because of its appraisal (ENTREQ 13). */
  readonly use?: string;
}

/** The `protocol:` section of `qualsynth.yaml`; every part optional. */
export interface Protocol {
  /** A registration such as `PROSPERO CRD42012002345`. */
  readonly registration?: string;
  /** Why this synthesis methodology (ENTREQ 2). */
  readonly methodRationale?: string;
  readonly search?: SearchProtocol;
  readonly inclusion: readonly string[];
  readonly exclusion: readonly string[];
  /** How records were screened and by whom (ENTREQ 7). */
  readonly screening?: string;
  readonly prisma?: PrismaCounts;
  readonly appraisal?: AppraisalProtocol;
  /** Which parts of the primary studies were analysed, and how (ENTREQ 14). */
  readonly extraction?: string;
}
