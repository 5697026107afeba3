/**
 * Imported notes as memo files (`memos/<title>.md`): a note on codes, themes (codes
 * that became headings), sources or the project becomes a memo whose `about:` names
 * them, with the note's name as its title, its creating user as author and its creation
 * date. A one-paragraph note only on coded passages stays the span's `memo=` (an
 * annotation, as QualSynth exports a span memo); a longer one is a memo about the
 * passage's study and codes. A note with text that is attached to nothing the
 * review keeps (a set, a picture, nothing at all) is still written, without `about:`,
 * and listed in the import report; a note without plain text is listed as not carried.
 */
import { DEFAULT_CONFIG } from '../config';
import type { AttributeValue } from '../model';
import { memoFilePath } from '../memo/newMemo';
import type { ImportNote, ImportProject } from './importModel';
import { resolveText } from './importSources';
import { escapePlainText, type TextKind } from './markdownEscapes';
import { toYaml } from './yamlWriter';
import type { SafeZip } from './zipRead';

/** Where the things a note can be about went in the new review. */
export interface MemoPlaces {
  readonly zip: SafeZip;
  /** Tag of each code that became a tag, by code GUID. */
  readonly tags: ReadonlyMap<string, string>;
  /** Heading path of each code that became a theme, by code GUID. */
  readonly themePaths: ReadonlyMap<string, readonly string[]>;
  /** Study id of each imported source, by source GUID. */
  readonly studyIds: ReadonlyMap<string, string>;
  /** The author a user GUID stands for (user id, else name), if any. */
  readonly authorOf: (userGuid: string | undefined) => string | undefined;
  /** How the notes' text is read: QualSynth's own as Markdown, other tools' as plain text. */
  readonly kind: TextKind;
}

/** The memo files and the notes' lines of the import report. */
export interface ImportedMemos {
  readonly files: Array<{ readonly path: string; readonly content: string }>;
  /** Notes written without `about:`, one sentence each. */
  readonly withoutTargets: string[];
  /** Notes not written, one sentence each. */
  readonly notCarried: string[];
}

/** What one note is about, gathered from everything that refers to it. */
interface NoteAbout {
  codes: string[];
  themes: Array<readonly string[]>;
  studies: string[];
  review: boolean;
}

/**
 * The notes that become memo files: every note except one paragraph only on coded
 * passages (selections and their codings), which becomes the span's `memo=`; a note of
 * several paragraphs on a passage is a memo about its study and codes, since `memo=`
 * holds one line.
 */
export function memoFileNotes(project: ImportProject, zip: SafeZip): Set<string> {
  const onPassages = new Set(project.sources.flatMap((source) => source.selections.flatMap((selection) => [...selection.noteGuids, ...selection.codings.flatMap((coding) => coding.noteGuids)])));
  const elsewhere = new Set([...project.noteGuids, ...codeNotes(project.codes), ...project.sources.flatMap((source) => source.noteGuids)]);
  const paragraphs = (note: ImportNote): boolean => {
    const resolved = resolveText(zip, note.plainTextPath, note.plainTextContent);
    return 'text' in resolved && /\n[ \t]*\n/.test(resolved.text.replace(/\r\n?/g, '\n').trim());
  };
  return new Set([...project.notes.values()].filter((note) => elsewhere.has(note.guid) || !onPassages.has(note.guid) || paragraphs(note)).map((note) => note.guid));
}

/** Writes the memo files of `guids` (in the project's note order). */
export function importMemos(project: ImportProject, guids: ReadonlySet<string>, places: MemoPlaces): ImportedMemos {
  const result: ImportedMemos = { files: [], withoutTargets: [], notCarried: [] };
  const abouts = gatherAbout(project, places);
  const taken = new Set<string>();
  for (const note of project.notes.values()) {
    if (!guids.has(note.guid)) continue;
    const label = `Note "${note.name ?? note.guid}"`;
    const resolved = resolveText(places.zip, note.plainTextPath, note.plainTextContent);
    const holders = [...new Set(project.noteHolders.get(note.guid) ?? [])];
    const on = holders.length > 0 ? ` (on ${holders.join(', ')})` : '';
    if ('problem' in resolved) {
      result.notCarried.push(`${label}${on}: ${resolved.problem}.`);
      continue;
    }
    const title = titleOf(note, resolved.text);
    const path = memoFilePath(DEFAULT_CONFIG.memos, title, (candidate) => taken.has(candidate.toLowerCase()));
    taken.add(path.toLowerCase());
    const about = aboutValue(abouts.get(note.guid));
    if (about === undefined) {
      const where = holders.length > 0 ? `it is on ${holders.join(', ')}, which the review does not keep` : 'nothing in the project refers to it';
      result.withoutTargets.push(`${label}: ${where}; its text is in ${path} without \`about:\` (add what it is about).`);
    }
    const body = memoBody(resolved.text, places.kind);
    const frontMatter = toYaml({ title, author: places.authorOf(note.creatingUser) ?? null, date: dayOf(note.creationDateTime) ?? null, ...(about === undefined ? {} : { about }) });
    result.files.push({ path, content: `---\n${frontMatter}---\n${body ? `\n${body}\n` : ''}` });
  }
  return result;
}

/** Codes, themes, studies and the review each note is attached to. */
function gatherAbout(project: ImportProject, places: MemoPlaces): Map<string, NoteAbout> {
  const abouts = new Map<string, NoteAbout>();
  const of = (guid: string): NoteAbout => {
    let about = abouts.get(guid);
    if (!about) abouts.set(guid, (about = { codes: [], themes: [], studies: [], review: false }));
    return about;
  };
  const addOnce = <T>(list: T[], value: T, key: (item: T) => string = String): void => {
    if (!list.some((item) => key(item) === key(value))) list.push(value);
  };
  const visitCode = (code: ImportProject['codes'][number]): void => {
    const themePath = places.themePaths.get(code.guid);
    const tag = places.tags.get(code.guid);
    for (const guid of code.noteGuids) {
      // A code that became a heading is a theme; a codable parent code too (its heading leads with its code).
      if (themePath) addOnce(of(guid).themes, themePath, (path) => JSON.stringify(path));
      else if (tag) addOnce(of(guid).codes, tag);
    }
    code.children.forEach(visitCode);
  };
  project.codes.forEach(visitCode);
  for (const source of project.sources) {
    const study = places.studyIds.get(source.guid);
    if (!study) continue;
    for (const guid of source.noteGuids) addOnce(of(guid).studies, study);
    for (const selection of source.selections) {
      for (const guid of [...selection.noteGuids, ...selection.codings.flatMap((coding) => coding.noteGuids)]) {
        addOnce(of(guid).studies, study);
        for (const coding of selection.codings) {
          const tag = places.tags.get(coding.codeGuid);
          if (tag) addOnce(of(guid).codes, tag);
        }
      }
    }
  }
  for (const guid of project.noteGuids) of(guid).review = true;
  return abouts;
}

/** `about:` as the memo parser reads it: `review`, or a mapping; `undefined` when about nothing. */
function aboutValue(about: NoteAbout | undefined): AttributeValue | undefined {
  if (!about) return undefined;
  const value: Record<string, AttributeValue> = {};
  if (about.codes.length > 0) value.codes = about.codes;
  if (about.themes.length > 0) value.themes = about.themes.map((path) => [...path]);
  if (about.studies.length > 0) value.studies = about.studies;
  if (Object.keys(value).length === 0) return about.review ? 'review' : undefined;
  if (about.review) value.review = true;
  return value;
}

/** The note's name, else its first line, as one line. */
function titleOf(note: ImportNote, text: string): string {
  const firstLine = text.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const title = (note.name ?? '').replace(/\s+/g, ' ').trim() || firstLine.replace(/\s+/g, ' ').trim().slice(0, 80);
  return title || 'Note';
}

/** QualSynth's memo bodies are Markdown; other tools' notes are plain text, escaped so they read as they came. */
function memoBody(text: string, kind: TextKind): string {
  const plain = text.replace(/\r\n?/g, '\n').trim();
  return kind === 'markdown' ? plain : escapePlainText(plain, 'plain').text;
}

/** The day of an `xsd:dateTime` (`2012-05-02T10:00:00Z` → `2012-05-02`): a memo's date is a day. */
function dayOf(dateTime: string | undefined): string | undefined {
  return /^(\d{4}-\d{2}-\d{2})/.exec(dateTime?.trim() ?? '')?.[1];
}

function codeNotes(codes: ImportProject['codes']): string[] {
  return codes.flatMap((code) => [...code.noteGuids, ...codeNotes(code.children)]);
}
