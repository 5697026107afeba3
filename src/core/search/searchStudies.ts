/**
 * Text search across a review's studies, over their text as readers see it
 * (`readerText.ts`): a hit never falls in the front matter, code or tag syntax, and a
 * phrase is found across a soft line break or a tag inside it. Each hit carries its
 * study, file range, block, order (first: participants' words in a quote; second: the
 * authors') and whether it already has the codes an auto-code would apply. Studies'
 * reader texts are kept in a `SearchCorpus`, so a second search of unchanged texts
 * only runs the regular expression.
 */
import { frontMatterBodyStart } from '../frontMatter';
import { matchesFilter } from '../filterMatch';
import type { Study } from '../model';
import { scanTags, type ScannedSegment } from '../syntax/scanTags';
import { readerText, type ReaderBlock, type ReaderText } from './readerText';
import { compileQuery, type SearchQuery } from './searchQuery';

/** A study to search: as indexed (for the filter and its id), and its current text. */
export interface SearchSource {
  readonly study: Study;
  readonly text: string;
}

/** One match of a search. */
export interface SearchHit {
  readonly path: string;
  readonly studyId: string;
  /** File offsets [start, end) of the match. */
  readonly start: number;
  readonly end: number;
  /** Offsets in the study's reader text: they stay the same when tags are added. */
  readonly readerStart: number;
  readonly readerEnd: number;
  /** Index of the block in the study's reader blocks. */
  readonly block: number;
  readonly blockKind: ReaderBlock['kind'];
  readonly order: ReaderBlock['order'];
  /** The match as read, and up to 40 characters of its block around it. */
  readonly text: string;
  readonly before: string;
  readonly after: string;
  /** True when a passage with every target code already holds the hit (false without target codes). */
  readonly alreadyCoded: boolean;
}

/** What a search found. */
export interface SearchResult {
  readonly hits: SearchHit[];
  readonly studiesSearched: number;
  /** Set when the search stopped early: too many hits, or out of time. */
  readonly truncated?: 'hits' | 'time';
  /** The text each searched study had; auto-coding refuses a study changed since. */
  readonly texts: ReadonlyMap<string, string>;
}

const DEFAULT_MAX_HITS = 10_000;
const DEFAULT_TIME_LIMIT_MS = 5_000;
const CONTEXT = 40;

/** A study's text prepared for searching, kept while the text stays the same. */
export class PreparedStudy {
  private codedSegments: ScannedSegment[] | undefined;

  constructor(
    readonly text: string,
    readonly reader: ReaderText,
  ) {}

  /** The study's coded passages (scanned once, when a search first needs them). */
  get segments(): readonly ScannedSegment[] {
    this.codedSegments ??= scanTags(this.text, frontMatterBodyStart(this.text)).segments;
    return this.codedSegments;
  }

  /** True when a passage coded with `code` holds file offsets [start, end). */
  isCoded(code: string, start: number, end: number): boolean {
    return this.segments.some((segment) => segment.start <= start && end <= segment.end && segment.codes.includes(code));
  }
}

/** Studies' reader texts by path, each rebuilt only when its text changes. */
export class SearchCorpus {
  private readonly studies = new Map<string, PreparedStudy>();

  /** The prepared study for `text` at `path`. */
  prepare(path: string, text: string): PreparedStudy {
    const kept = this.studies.get(path);
    if (kept && kept.text === text) return kept;
    const prepared = new PreparedStudy(text, readerText(text));
    this.studies.set(path, prepared);
    return prepared;
  }

  /** Forgets every study not in `paths` (deleted or renamed since). */
  retain(paths: ReadonlySet<string>): void {
    for (const path of this.studies.keys()) if (!paths.has(path)) this.studies.delete(path);
  }
}

/**
 * Searches `sources` (in their order) for `query`; throws `SearchQueryError` for a
 * query that cannot run. Stops at the query's hit or time bound and says so.
 */
export function searchStudies(sources: Iterable<SearchSource>, query: SearchQuery, corpus = new SearchCorpus()): SearchResult {
  const regex = compileQuery(query);
  const maxHits = query.maxHits ?? DEFAULT_MAX_HITS;
  const deadline = Date.now() + (query.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS);
  const hits: SearchHit[] = [];
  const texts = new Map<string, string>();
  let truncated: SearchResult['truncated'];
  for (const { study, text } of sources) {
    if (query.filter && !matchesFilter(study, query.filter)) continue;
    if (Date.now() > deadline) {
      truncated = 'time';
      break;
    }
    texts.set(study.path, text);
    const prepared = corpus.prepare(study.path, text);
    if (!searchStudy(study, prepared, regex, query, hits, maxHits)) {
      truncated = 'hits';
      break;
    }
  }
  return { hits, studiesSearched: texts.size, texts, ...(truncated ? { truncated } : {}) };
}

/** Appends one study's hits; false when the hit bound was reached. */
function searchStudy(study: SearchSource['study'], prepared: PreparedStudy, regex: RegExp, query: SearchQuery, hits: SearchHit[], maxHits: number): boolean {
  const reader = prepared.reader;
  const value = reader.value;
  regex.lastIndex = 0;
  for (let match = regex.exec(value); match; match = regex.exec(value)) {
    const readerStart = match.index;
    const readerEnd = readerStart + match[0].length;
    if (readerEnd === readerStart) {
      regex.lastIndex++;
      continue;
    }
    const blockIndex = reader.blockAt(readerStart);
    const block = reader.blocks[blockIndex];
    if (readerEnd > block.readerEnd) continue; // a regular expression across two blocks
    const [start, end] = reader.fileRange(readerStart, readerEnd);
    if (query.coded && prepared.isCoded(query.coded.code, start, end) !== query.coded.coded) continue;
    if (hits.length >= maxHits) return false;
    const targets = query.targetCodes ?? [];
    hits.push({
      path: study.path,
      studyId: study.id,
      start,
      end,
      readerStart,
      readerEnd,
      block: blockIndex,
      blockKind: block.kind,
      order: block.order,
      text: match[0],
      before: value.slice(Math.max(block.readerStart, readerStart - CONTEXT), readerStart),
      after: value.slice(readerEnd, Math.min(block.readerEnd, readerEnd + CONTEXT)),
      alreadyCoded: targets.length > 0 && targets.every((code) => prepared.isCoded(code, start, end)),
    });
  }
  return true;
}
