/**
 * Reads and checks the `protocol:` section of `qualsynth.yaml`. Every value is checked
 * for its kind (text, list, whole number), unknown keys are flagged (a typo would
 * otherwise silently leave an ENTREQ item empty), and the PRISMA 2020 counts must add
 * up. Problems are reported by key path; the caller turns them into located problems.
 */
import type { Severity } from '../model';
import type { AppraisalProtocol, CountBreakdown, PrismaCounts, PrismaOtherMethods, Protocol, SearchProtocol, SearchSource } from './protocol';
import { checkPrisma } from './prismaCheck';
import type { YamlPathStep } from './yamlLines';

/** A problem of the protocol at a key path (`['protocol', 'prisma', 'screened']`). */
export interface ProtocolProblem {
  readonly path: readonly YamlPathStep[];
  readonly severity: Severity;
  readonly message: string;
}

/** The checked protocol (absent when the section is absent or unusable) and its problems. */
export interface ProtocolResult {
  readonly protocol?: Protocol;
  readonly problems: ProtocolProblem[];
}

type Path = readonly YamlPathStep[];
type Raw = Record<string, unknown>;

const KEYS = ['registration', 'methodRationale', 'search', 'criteria', 'screening', 'prisma', 'appraisal', 'extraction'];
const SEARCH_KEYS = ['approach', 'sources', 'lastSearched', 'strategy', 'limits'];
const CRITERIA_KEYS = ['inclusion', 'exclusion'];
const APPRAISAL_KEYS = ['rationale', 'appraisers', 'process', 'use'];
const PRISMA_KEYS = ['identified', 'removed', 'screened', 'excluded', 'sought', 'notRetrieved', 'assessed', 'reportsExcluded', 'otherMethods', 'included'];
const OTHER_METHODS_KEYS = ['identified', 'sought', 'notRetrieved', 'assessed', 'reportsExcluded'];

/** Checks the raw `protocol` value of the project file. */
export function parseProtocol(raw: unknown): ProtocolResult {
  const problems: ProtocolProblem[] = [];
  if (raw === undefined || raw === null) return { problems };
  const reader = new Reader(problems);
  const root = reader.mapping(raw, ['protocol'], KEYS);
  if (!root) return { problems };
  const criteria = reader.mapping(root.criteria, ['protocol', 'criteria'], CRITERIA_KEYS);
  const protocol: Protocol = {
    registration: reader.text(root.registration, ['protocol', 'registration']),
    methodRationale: reader.text(root.methodRationale, ['protocol', 'methodRationale']),
    search: readSearch(reader, root.search),
    inclusion: reader.list(criteria?.inclusion, ['protocol', 'criteria', 'inclusion']),
    exclusion: reader.list(criteria?.exclusion, ['protocol', 'criteria', 'exclusion']),
    screening: reader.text(root.screening, ['protocol', 'screening']),
    prisma: readPrisma(reader, root.prisma),
    appraisal: readAppraisal(reader, root.appraisal),
    extraction: reader.text(root.extraction, ['protocol', 'extraction']),
  };
  if (protocol.prisma) problems.push(...checkPrisma(protocol.prisma));
  return { protocol: withoutUndefined(protocol), problems };
}

function readSearch(reader: Reader, raw: unknown): SearchProtocol | undefined {
  const at: Path = ['protocol', 'search'];
  const search = reader.mapping(raw, at, SEARCH_KEYS);
  if (!search) return undefined;
  return withoutUndefined({
    approach: reader.text(search.approach, [...at, 'approach']),
    sources: reader.items(search.sources, [...at, 'sources'], (value, path) => readSource(reader, value, path)),
    lastSearched: reader.text(search.lastSearched, [...at, 'lastSearched']),
    strategy: reader.text(search.strategy, [...at, 'strategy']),
    limits: reader.text(search.limits, [...at, 'limits']),
  });
}

function readSource(reader: Reader, raw: unknown, at: Path): SearchSource | undefined {
  if (typeof raw === 'string' || typeof raw === 'number') return { name: String(raw).trim() };
  const source = reader.mapping(raw, at, ['name', 'dates']);
  const name = reader.text(source?.name, [...at, 'name']);
  if (source && !name) reader.problem(at, 'error', 'a search source needs a `name:` (e.g. `name: MEDLINE (Ovid)`), or write it as plain text.');
  if (!name) return undefined;
  return withoutUndefined({ name, dates: reader.text(source?.dates, [...at, 'dates']) });
}

function readAppraisal(reader: Reader, raw: unknown): AppraisalProtocol | undefined {
  const at: Path = ['protocol', 'appraisal'];
  const appraisal = reader.mapping(raw, at, APPRAISAL_KEYS);
  if (!appraisal) return undefined;
  return withoutUndefined({
    rationale: reader.text(appraisal.rationale, [...at, 'rationale']),
    appraisers: reader.list(appraisal.appraisers, [...at, 'appraisers']),
    process: reader.text(appraisal.process, [...at, 'process']),
    use: reader.text(appraisal.use, [...at, 'use']),
  });
}

function readPrisma(reader: Reader, raw: unknown): PrismaCounts | undefined {
  const at: Path = ['protocol', 'prisma'];
  const prisma = reader.mapping(raw, at, PRISMA_KEYS);
  if (!prisma) return undefined;
  const identified = reader.mapping(prisma.identified, [...at, 'identified'], ['databases', 'registers']);
  const removed = reader.mapping(prisma.removed, [...at, 'removed'], ['duplicates', 'automation', 'other']);
  const included = reader.mapping(prisma.included, [...at, 'included'], ['studies', 'reports']);
  return withoutUndefined({
    databases: reader.breakdown(identified?.databases, [...at, 'identified', 'databases']),
    registers: reader.breakdown(identified?.registers, [...at, 'identified', 'registers']),
    duplicates: reader.count(removed?.duplicates, [...at, 'removed', 'duplicates']),
    automation: reader.count(removed?.automation, [...at, 'removed', 'automation']),
    otherRemoved: reader.count(removed?.other, [...at, 'removed', 'other']),
    screened: reader.count(prisma.screened, [...at, 'screened']),
    excluded: reader.count(prisma.excluded, [...at, 'excluded']),
    sought: reader.count(prisma.sought, [...at, 'sought']),
    notRetrieved: reader.count(prisma.notRetrieved, [...at, 'notRetrieved']),
    assessed: reader.count(prisma.assessed, [...at, 'assessed']),
    reportsExcluded: reader.breakdown(prisma.reportsExcluded, [...at, 'reportsExcluded']),
    otherMethods: readOtherMethods(reader, prisma.otherMethods),
    includedStudies: reader.count(included?.studies, [...at, 'included', 'studies']),
    includedReports: reader.count(included?.reports, [...at, 'included', 'reports']),
  });
}

function readOtherMethods(reader: Reader, raw: unknown): PrismaOtherMethods | undefined {
  const at: Path = ['protocol', 'prisma', 'otherMethods'];
  const other = reader.mapping(raw, at, OTHER_METHODS_KEYS);
  if (!other) return undefined;
  return withoutUndefined({
    identified: reader.breakdown(other.identified, [...at, 'identified']),
    sought: reader.count(other.sought, [...at, 'sought']),
    notRetrieved: reader.count(other.notRetrieved, [...at, 'notRetrieved']),
    assessed: reader.count(other.assessed, [...at, 'assessed']),
    reportsExcluded: reader.breakdown(other.reportsExcluded, [...at, 'reportsExcluded']),
  });
}

/** Reads values of the expected kinds, noting a problem (and returning `undefined`) for the others. */
class Reader {
  constructor(private readonly problems: ProtocolProblem[]) {}

  problem(path: Path, severity: Severity, message: string): void {
    this.problems.push({ path, severity, message: `\`${dotted(path)}\`: ${message}` });
  }

  /** A mapping; keys outside `known` are flagged as likely typos. */
  mapping(value: unknown, path: Path, known: readonly string[]): Raw | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) {
      this.problem(path, 'error', `expected a mapping of ${known.map((key) => `\`${key}:\``).join(', ')}, not ${kindOf(value)}.`);
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) this.problem([...path, key], 'warning', `unknown key; the keys here are ${known.join(', ')}. Check the spelling.`);
    }
    return value as Raw;
  }

  /** Text; numbers and dates are taken as written. */
  text(value: unknown, path: Path): string | undefined {
    if (value === undefined || value === null) return undefined;
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString().slice(0, 10);
    if (typeof value === 'string') return value.trim() || undefined;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    this.problem(path, 'error', `expected text, not ${kindOf(value)}. Quote the value or write it on one line.`);
    return undefined;
  }

  /** A list of texts; a single text is a list of one. */
  list(value: unknown, path: Path): string[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      const single = this.text(value, path);
      return single ? [single] : [];
    }
    return value.map((item, index) => this.text(item, [...path, index])).filter((item): item is string => item !== undefined);
  }

  /** A list of structured items. */
  items<T>(value: unknown, path: Path, read: (item: unknown, path: Path) => T | undefined): T[] {
    if (value === undefined || value === null) return [];
    const list = Array.isArray(value) ? value : [value];
    return list.map((item, index) => read(item, Array.isArray(value) ? [...path, index] : path)).filter((item): item is T => item !== undefined);
  }

  /** A whole number of records, 0 or more. */
  count(value: unknown, path: Path): number | undefined {
    if (value === undefined || value === null) return undefined;
    const number = typeof value === 'string' && /^\s*\d[\d,]*\s*$/.test(value) ? Number(value.replace(/[,\s]/g, '')) : value;
    if (typeof number === 'number' && Number.isSafeInteger(number) && number >= 0) return number;
    this.problem(path, 'error', `expected a whole number of records (0 or more), not ${kindOf(value)}.`);
    return undefined;
  }

  /** A count in total (`612`) or by part (`{ MEDLINE: 612, CINAHL: 530 }`). */
  breakdown(value: unknown, path: Path): CountBreakdown | undefined {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) {
      const total = this.count(value, path);
      return total === undefined ? undefined : { total, parts: [] };
    }
    const parts = Object.entries(value as Raw).map(([label, count]) => ({ label, count: this.count(count, [...path, label]) }));
    const valid = parts.filter((part): part is { label: string; count: number } => part.count !== undefined);
    return { total: valid.reduce((sum, part) => sum + part.count, 0), parts: valid };
  }
}

/** `protocol.search.sources[2].name`. */
export function dotted(path: readonly YamlPathStep[]): string {
  return path.map((step, index) => (typeof step === 'number' ? `[${step}]` : index === 0 ? step : `.${step}`)).join('');
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'object' && value !== null) return 'a mapping';
  if (typeof value === 'string') return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  return `\`${String(value)}\``;
}

/** Drops `undefined` members so that equal protocols compare equal. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}
