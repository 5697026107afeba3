/**
 * Memo files as REFI-QDA Notes: one `<Note>` per memo (its title as the name, its
 * author as the creating user, its date as the creation time, its Markdown body as the
 * plain text), attached by `<NoteRef>` to what its `about:` names: codes and themes
 * (themes are codes in REFI-QDA), sources (studies) and the project (`about: review`).
 * A target the export has no element for is left out with a warning; the note stays.
 */
import type { Memo } from '../memo/memo';
import type { ExportUsers } from './exportUsers';
import type { GuidRegistry } from './guid';
import { xmlSafe, type XmlOut } from './xml';

/** What the memos' targets are in the export. */
export interface MemoTargets {
  /** Code GUID by code name. */
  readonly codeGuids: ReadonlyMap<string, string>;
  /** Code GUID of a theme by its heading path (`JSON.stringify(path)`). */
  readonly themeGuids: ReadonlyMap<string, string>;
  /** Ids of the studies the export has sources for. */
  readonly studyIds: ReadonlySet<string>;
}

/** The memos' notes and where each is referred to. */
export interface MemoNotes {
  readonly notes: XmlOut[];
  /** Note GUIDs by the GUID of the `<Code>` they are attached to. */
  readonly byCode: ReadonlyMap<string, string[]>;
  /** Note GUIDs by the id of the study whose `<TextSource>` they are attached to. */
  readonly byStudy: ReadonlyMap<string, string[]>;
  /** Note GUIDs attached to the `<Project>`. */
  readonly project: string[];
}

/** Builds the notes of `memos`; adds a warning for each target with no element. */
export function exportMemoNotes(memos: readonly Memo[], targets: MemoTargets, users: ExportUsers, guids: GuidRegistry, warnings: string[]): MemoNotes {
  const result = { notes: [] as XmlOut[], byCode: new Map<string, string[]>(), byStudy: new Map<string, string[]>(), project: [] as string[] };
  for (const memo of memos) {
    const guid = guids.next(`memo-file:${memo.path}`);
    result.notes.push(noteElement(memo, guid, users, warnings));
    const attach = (map: Map<string, string[]>, key: string): void => {
      const list = map.get(key) ?? [];
      // A memo about a codable parent code and its theme names one element: one reference.
      if (!list.includes(guid)) map.set(key, [...list, guid]);
    };
    const skipped = (what: string, why: string): void => void warnings.push(`${memo.path}: the memo is about ${what}, ${why}; its note is not attached there.`);
    for (const { value } of memo.about.codes) {
      const code = targets.codeGuids.get(value);
      if (code) attach(result.byCode, code);
      else skipped(`#${value}`, 'which the codebook does not define and no study uses');
    }
    for (const { value } of memo.about.themes) {
      const theme = targets.themeGuids.get(JSON.stringify(value));
      if (theme) attach(result.byCode, theme);
      else skipped(`the theme “${value.join(' › ')}”`, 'which is not a code of the export (no such heading, or a heading that only lists codes filed under other themes, exported as a set, which cannot hold a note)');
    }
    for (const { value } of memo.about.studies) {
      if (targets.studyIds.has(value)) attach(result.byStudy, value);
      else skipped(`study \`${value}\``, 'which is not among the exported studies');
    }
    if (memo.about.review) result.project.push(guid);
  }
  return result;
}

/** The memo authors the export needs as users. */
export function memoAuthors(memos: readonly Memo[]): string[] {
  return memos.map((memo) => memo.author).filter((author): author is string => !!author);
}

/** `<NoteRef>` elements for note GUIDs, or `undefined` when there are none. */
export function noteRefElements(noteGuids: readonly string[] | undefined): XmlOut[] | undefined {
  return noteGuids && noteGuids.length > 0 ? noteGuids.map((guid) => ({ '@targetGUID': guid })) : undefined;
}

function noteElement(memo: Memo, guid: string, users: ExportUsers, warnings: string[]): XmlOut {
  const note: XmlOut = { '@guid': guid, '@name': xmlSafe(memo.title) };
  // No author, no creating user: an import would otherwise credit the memo to the first reviewer.
  if (memo.author) note['@creatingUser'] = users.guidOfCoder(memo.author);
  const dateTime = memo.date === undefined ? undefined : xsdDateTime(memo.date);
  if (dateTime) note['@creationDateTime'] = dateTime;
  else if (memo.date !== undefined) warnings.push(`${memo.path}: the date "${memo.date}" is not a date (YYYY-MM-DD), so the note has no creation date.`);
  note.PlainTextContent = xmlSafe(memo.body);
  return note;
}

/** `2012-05-02` as `2012-05-02T00:00:00Z`; a full ISO date and time as it is; anything else `undefined`. */
export function xsdDateTime(date: string): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return `${date}T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/.test(date)) return date;
  return undefined;
}
