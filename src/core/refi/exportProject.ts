/**
 * The whole review as a REFI-QDA project (`.qdpx`): a ZIP with `project.qde` and one
 * plain-text file per study under `sources/`, memo files as Notes. GUIDs are derived from stable keys and
 * the archive has fixed timestamps and entry order, so an unchanged review exports to
 * byte-identical files.
 */
import type { Study } from '../model';
import type { Review } from '../review';
import { decodeText } from '../text/decode';
import { VERSION } from '../version';
import { buildExportCodebook, codeElement, setsElement } from './exportCodebook';
import { exportMemoNotes, memoAuthors, noteRefElements, type MemoNotes } from './exportMemos';
import { exportSource, type ExportedSource } from './exportSources';
import { exportUsers, userElement } from './exportUsers';
import { exportVariables, variableElement } from './exportVariables';
import { GuidRegistry } from './guid';
import { studyPlainText, type StudyPlainText } from './plainText';
import { buildXml, xmlSafe, type XmlOut } from './xml';
import { writeDeterministicZip } from './zipWrite';

/** The namespace of a REFI-QDA project file. */
export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';

/** Options of the `.qdpx` export. */
export interface QdpxExportOptions {
  /** The `origin` attribute (default `QualSynth <version>`). */
  readonly origin?: string;
  /** Reads a study's text (e.g. an editor's unsaved buffer); default: the review's host. */
  readonly readStudyText?: (path: string) => Promise<string | undefined>;
}

/** A finished export. */
export interface QdpxExport {
  /** The `.qdpx` archive. */
  readonly data: Uint8Array;
  /** The `project.qde` XML inside it. */
  readonly projectXml: string;
  /** Things left out, one sentence each (unreadable studies, empty passages). */
  readonly warnings: readonly string[];
  readonly studyCount: number;
  readonly selectionCount: number;
}

/** A study as indexed (id, attributes) with the plain text of the text just read. */
interface LoadedStudy {
  readonly study: Study;
  readonly plain: StudyPlainText;
}

/** Exports a loaded review as a `.qdpx` archive. */
export async function exportProjectQdpx(review: Review, options: QdpxExportOptions = {}): Promise<QdpxExport> {
  const warnings: string[] = [];
  const read = options.readStudyText ?? ((path: string) => readWithHost(review, path));
  const loaded: LoadedStudy[] = [];
  for (const indexed of review.index.studies()) {
    const text = await read(indexed.path).catch(() => undefined);
    if (text === undefined) {
      warnings.push(`${indexed.path} could not be read and was left out.`);
      continue;
    }
    loaded.push({ study: indexed, plain: studyPlainText(text) });
  }
  const guids = new GuidRegistry();
  const coders = loaded.flatMap(({ plain }) => plain.segments.map((segment) => segment.attributes.coder).filter((coder): coder is string => !!coder));
  const memos = review.index.memos();
  const users = exportUsers(review.config.reviewers, [...coders, ...memoAuthors(memos)], guids);
  const usedCodes = loaded.flatMap(({ plain }) => plain.segments.flatMap((segment) => segment.codes));
  const codebook = buildExportCodebook(review.index, guids, usedCodes);
  const variables = exportVariables(loaded.map(({ study }) => study.attributes), guids);
  const studyIds = new Set(loaded.map(({ study }) => study.id));
  const memoNotes = exportMemoNotes(memos, { codeGuids: codebook.codeGuids, themeGuids: codebook.themeGuids, studyIds }, users, guids, warnings);
  const context = { guids, codeGuids: codebook.codeGuids, users, variables, warnings, studyNotes: memoNotes.byStudy };
  const sources = loaded.map(({ study, plain }) => exportSource(study, plain, context));
  const projectXml = buildXml({
    Project: projectElement(review, options.origin ?? `QualSynth ${VERSION}`, {
      users: users.users.map(userElement),
      defaultUser: users.defaultUser.guid,
      codes: codebook.roots.map((root) => codeElement(root, memoNotes.byCode)),
      variables: variables.map(variableElement),
      sources,
      sets: setsElement(codebook.sets, 'targetGUID'),
      memoNotes,
    }),
  });
  const encoder = new TextEncoder();
  const data = writeDeterministicZip([
    ['project.qde', encoder.encode(projectXml)],
    ...sources.map((source): [string, Uint8Array] => [`sources/${source.fileName}`, encoder.encode(source.plainText)]),
  ]);
  const selectionCount = sources.reduce((sum, source) => sum + ((source.element.PlainTextSelection as XmlOut[] | undefined)?.length ?? 0), 0);
  return { data, projectXml, warnings, studyCount: sources.length, selectionCount };
}

interface ProjectParts {
  readonly users: XmlOut[];
  /** The GUID of the user codings without a coder are credited to. */
  readonly defaultUser: string;
  readonly codes: XmlOut[];
  readonly variables: XmlOut[];
  readonly sources: readonly ExportedSource[];
  readonly sets: XmlOut | undefined;
  readonly memoNotes: MemoNotes;
}

/** The `<Project>` element; children in the order Project.xsd requires. */
function projectElement(review: Review, origin: string, parts: ProjectParts): XmlOut {
  const notes = [...parts.sources.flatMap((source) => source.notes), ...parts.memoNotes.notes];
  const project: XmlOut = {
    '@xmlns': PROJECT_NAMESPACE,
    '@name': xmlSafe(review.config.title ?? 'QualSynth review'),
    '@origin': xmlSafe(origin),
    '@creatingUserGUID': parts.defaultUser,
  };
  project.Users = { User: parts.users };
  if (parts.codes.length > 0) project.CodeBook = { Codes: { Code: parts.codes } };
  if (parts.variables.length > 0) project.Variables = { Variable: parts.variables };
  if (parts.sources.length > 0) project.Sources = { TextSource: parts.sources.map((source) => source.element) };
  if (notes.length > 0) project.Notes = { Note: notes };
  if (parts.sets) project.Sets = parts.sets;
  if (review.config.question) project.Description = xmlSafe(review.config.question);
  const projectNotes = noteRefElements(parts.memoNotes.project);
  if (projectNotes) project.NoteRef = projectNotes;
  return project;
}

async function readWithHost(review: Review, path: string): Promise<string | undefined> {
  const bytes = await review.host.readFile(path);
  if (!bytes) return undefined;
  const decoded = decodeText(bytes);
  return decoded.ok ? decoded.text : undefined;
}
