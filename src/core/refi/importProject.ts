/**
 * Imports a REFI-QDA project (`.qdpx`) as a new review: `qualsynth.yaml` (title,
 * question, reviewers), `codebook.md` from the code tree, one `studies/<name>.md` per
 * text source with its coded selections as span tags, `memos/<title>.md` from notes,
 * and `import-report.md`. Pure:
 * returns the files; writing them is `writeImportedReview`'s job.
 */
import { PLACEHOLDER_USER } from './exportUsers';
import type { ImportProject, ImportSource, ImportUser } from './importModel';
import { renderCodebook } from './importCodebook';
import { renderImportReport } from './importReport';
import { importMemos, memoFileNotes } from './importMemos';
import { frontMatterOf, resolveText, selectionInputs, type ResolvedText, type SelectionContext } from './importSources';
import { renderVerifiedStudy } from './importStudy';
import { PLAIN_TEXT_KEY } from './plainText';
import { escapePlainText, type TextKind } from './markdownEscapes';
import { detectOffsetUnit, type OffsetUnitChoice } from './offsetUnit';
import { readProject } from './readProject';
import { placeSelections, type PlacementNotes } from './spanPlacement';
import { assignTagNames } from './tagNames';
import { toYaml } from './yamlWriter';
import { decodeXml, parseXmlSafely } from './xml';
import { DEFAULT_ZIP_LIMITS, readZipSafely, UnsafeArchiveError, type SafeZip, type ZipLimits } from './zipRead';

/** Options of an import. */
export interface ImportOptions {
  /** The archive's file name, for the report. */
  readonly fileName?: string;
  readonly limits?: ZipLimits;
}

/** One file of the new review, by review-relative path. */
export interface ImportedFile {
  readonly path: string;
  readonly content: string;
}

/** The new review's files and a summary. */
export interface ImportResult {
  readonly files: readonly ImportedFile[];
  readonly studyCount: number;
  /** Codes that became tags. */
  readonly codeCount: number;
  /** Themes (headings) of the new codebook. */
  readonly themeCount: number;
  readonly spanCount: number;
  /** Memo files written from the project's notes. */
  readonly memoCount: number;
  /** The study file written for each imported source, by the source's GUID. */
  readonly studyPaths: ReadonlyMap<string, string>;
  /** The unit the selection offsets were read in, and why. */
  readonly offsets: OffsetUnitChoice;
  /** Studies that did not read back as imported (should be empty). */
  readonly problems: readonly string[];
  /** The import report's Markdown (also among `files`). */
  readonly report: string;
}

/** Imports a `.qdpx` archive; throws `UnsafeArchiveError` or `XmlReadError` for unusable input. */
export function importQdpx(data: Uint8Array, options: ImportOptions = {}): ImportResult {
  const zip = readZipSafely(data, options.limits ?? DEFAULT_ZIP_LIMITS);
  const qdeName = projectEntry(zip);
  const project = readProject(parseXmlSafely(decodeXml(zip.read(qdeName)!), 'Project', qdeName));
  const coded = new Set(project.sources.flatMap((source) => source.selections.flatMap((selection) => selection.codings.map((coding) => coding.codeGuid))));
  const { tags, renamed } = assignTagNames(project.codes, coded);
  const texts = project.sources.map((source) => resolveText(zip, source.plainTextPath, source.plainTextContent));
  const offsets = detectOffsetUnit(project.sources.flatMap((source, index) => {
    const resolved = texts[index];
    return 'text' in resolved ? [{ text: resolved.text, selections: source.selections }] : [];
  }), project.origin);
  const memoNotes = memoFileNotes(project, zip);
  const context: SelectionContext = { zip, project, tags, coders: coderLabels(project), notCarried: project.notCarried, unit: offsets.unit, memoFileNotes: memoNotes };
  const studies = importStudies(project, texts, context);
  const codebook = renderCodebook(`${project.name} — codebook`, project, tags, project.notCarried);
  const memos = importMemos(project, memoNotes, { zip, tags, themePaths: codebook.themePaths, studyIds: studies.ids, authorOf: authorLabels(project), kind: textKind(project, {}) });
  project.notCarried.push(...memos.notCarried);
  const report = renderImportReport({
    fileName: options.fileName ?? 'project.qdpx',
    projectName: project.name,
    origin: project.origin,
    studyCount: studies.files.length,
    codeCount: tags.size,
    themeCount: codebook.themeCount,
    selectionCount: project.sources.reduce((sum, source) => sum + source.selections.length, 0),
    spanCount: studies.spanCount,
    memoCount: memos.files.length,
    offsets: offsets.explanation,
    renamed,
    placement: studies.placement,
    skippedSources: studies.skippedSources,
    memosWithoutTargets: memos.withoutTargets,
    notCarried: project.notCarried,
    problems: studies.problems,
  });
  const files = [{ path: 'qualsynth.yaml', content: projectFile(project) }, { path: 'codebook.md', content: codebook.text }, ...studies.files, ...memos.files, { path: 'import-report.md', content: report }];
  return { files, studyCount: studies.files.length, codeCount: tags.size, themeCount: codebook.themeCount, spanCount: studies.spanCount, memoCount: memos.files.length, studyPaths: studies.paths, offsets, problems: studies.problems, report };
}

/** The study files of every readable source, and what happened on the way. */
interface ImportedStudies {
  readonly files: ImportedFile[];
  readonly paths: Map<string, string>;
  /** The id of each imported study, by source GUID. */
  readonly ids: Map<string, string>;
  spanCount: number;
  readonly placement: PlacementNotes;
  readonly skippedSources: string[];
  readonly problems: string[];
}

function importStudies(project: ImportProject, texts: readonly ResolvedText[], context: SelectionContext): ImportedStudies {
  const result: ImportedStudies = { files: [], paths: new Map(), ids: new Map(), spanCount: 0, placement: { empty: [], unplaced: [], splitAtBlocks: [], splitOverlaps: [], widened: [], trimmed: [] }, skippedSources: [], problems: [] };
  const usedNames = new Set<string>();
  for (const [index, source] of project.sources.entries()) {
    const label = sourceLabel(source);
    const resolved = texts[index];
    if ('problem' in resolved) {
      result.skippedSources.push(`${label}: ${resolved.problem}.`);
      continue;
    }
    const studyId = uniqueName(studySlug(source), usedNames);
    if (resolved.replaced) project.notCarried.push(`${label}: ${resolved.replaced} control characters (NUL, \`&#x0;\` and the like) became U+FFFD (�), which a text file can hold.`);
    if (resolved.text.trim() === '') project.notCarried.push(`${label}: its plain text is empty, so studies/${studyId}.md has no text${source.richTextPath ? ` (the rich text ${source.richTextPath} is not read)` : ''}.`);
    const frontMatter = frontMatterOf(project, source, studyId);
    result.ids.set(source.guid, typeof frontMatter.id === 'string' || typeof frontMatter.id === 'number' ? String(frontMatter.id) : studyId);
    const kind = textKind(project, frontMatter);
    if (kind === 'plain') frontMatter[PLAIN_TEXT_KEY] = true;
    const escaped = escapePlainText(resolved.text, kind);
    const placed = placeSelections(resolved.text, escaped, selectionInputs(resolved.text, source, context, label));
    mergeNotes(result.placement, placed.notes);
    const { content, problems } = renderVerifiedStudy(frontMatter, resolved.text, escaped, placed.spans);
    result.problems.push(...problems.map((problem) => `studies/${studyId}.md: ${problem}`));
    result.files.push({ path: `studies/${studyId}.md`, content });
    result.paths.set(source.guid, `studies/${studyId}.md`);
    result.spanCount += placed.spans.length;
  }
  return result;
}

/**
 * QualSynth's own export is Markdown (a study without its tags), unless the study had
 * come from another tool; every other tool's text is plain text.
 */
function textKind(project: ImportProject, frontMatter: Readonly<Record<string, unknown>>): TextKind {
  return /^QualSynth\b/.test(project.origin ?? '') && frontMatter[PLAIN_TEXT_KEY] !== true ? 'markdown' : 'plain';
}

/** The single `.qde` entry (any name: ATLAS.ti names it after the project). */
function projectEntry(zip: SafeZip): string {
  const candidates = zip.names.filter((name) => /\.qde$/i.test(name));
  const atRoot = candidates.filter((name) => !name.includes('/'));
  if (candidates.length === 1) return candidates[0];
  if (atRoot.length === 1) return atRoot[0];
  if (candidates.length === 0) throw new UnsafeArchiveError('The archive holds no .qde project file; is it a REFI-QDA project (.qdpx)?');
  throw new UnsafeArchiveError(`The archive holds several .qde files (${candidates.join(', ')}); expected one.`);
}

/**
 * Coder labels (user id, else name) when the project has more than one user. The
 * project's creating user is the review's first reviewer, whose codings need no label
 * (QualSynth credits a span without `coder=` to the first reviewer).
 */
function coderLabels(project: ImportProject): Map<string, string> {
  const users = namedUsers(project);
  if (users.length < 2) return new Map();
  return new Map(users.filter((user) => user.guid !== project.creatingUser).map((user) => [user.guid, user.id || user.name || user.guid]));
}

/** A note's author: its user's id, else name; none for QualSynth's placeholder user. */
function authorLabels(project: ImportProject): (userGuid: string | undefined) => string | undefined {
  const users = new Map(namedUsers(project).map((user) => [user.guid, user.id || user.name]));
  return (userGuid) => (userGuid ? users.get(userGuid) : undefined);
}

/**
 * The project's users, the creating user first, less the placeholder QualSynth credits
 * codings to when a review names no reviewer.
 */
function namedUsers(project: ImportProject): ImportUser[] {
  const fromQualSynth = /^QualSynth\b/.test(project.origin ?? '');
  const named = project.users.filter((user) => !(fromQualSynth && user.name === PLACEHOLDER_USER && !user.id));
  return [...named.filter((user) => user.guid === project.creatingUser), ...named.filter((user) => user.guid !== project.creatingUser)];
}

function sourceLabel(source: ImportSource): string {
  return `${source.kind} "${source.name ?? source.plainTextPath ?? source.guid}"`;
}

/** A file name from the source's name (else its text file's name, else its GUID). */
function studySlug(source: ImportSource): string {
  const fromPath = source.plainTextPath?.replace(/^[a-z]+:\/\//i, '').split(/[/\\]/).pop()?.replace(/\.[^.]*$/, '');
  const base = (source.name ?? fromPath ?? source.guid).normalize('NFC');
  const slug = base.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|[-.]+$/g, '').slice(0, 80);
  return slug || 'study';
}

function uniqueName(name: string, used: Set<string>): string {
  let candidate = name;
  for (let suffix = 2; used.has(candidate.toLowerCase()); suffix++) candidate = `${name}-${suffix}`;
  used.add(candidate.toLowerCase());
  return candidate;
}

function mergeNotes(into: PlacementNotes, from: PlacementNotes): void {
  for (const key of Object.keys(into) as Array<keyof PlacementNotes>) into[key].push(...from[key]);
}

/** `qualsynth.yaml`: title, review question (the project description) and reviewers. */
function projectFile(project: ImportProject): string {
  const reviewers = namedUsers(project).map((user) => (user.name && user.id && user.id !== user.name ? `${user.name} (${user.id})` : user.name || user.id || user.guid));
  return toYaml({ title: project.name, question: project.description.trim() || null, reviewers: reviewers.length > 0 ? reviewers : null });
}
