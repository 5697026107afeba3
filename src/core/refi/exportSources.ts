/**
 * One study as a REFI-QDA TextSource: its plain text (stored as
 * `sources/<guid>.txt`), one PlainTextSelection per coded passage with code point
 * offsets into that text and a Coding per code, span memos as Notes, references to
 * the memo files about the study, attributes as VariableValues. Passages with the same plain range (a span and a block over the same
 * words) share one selection.
 */
import type { Study } from '../model';
import { CodePointIndex } from './codePoints';
import { noteRefElements } from './exportMemos';
import type { ExportUsers } from './exportUsers';
import { variableValues, type ExportVariable } from './exportVariables';
import type { GuidRegistry } from './guid';
import type { StudyPlainText } from './plainText';
import { xmlSafe, type XmlOut } from './xml';

/** A coded passage of the plain text, in code points. */
export interface PlainSelection {
  readonly start: number;
  readonly end: number;
  /** Codes in order of first appearance, each with the coder who applied it. */
  readonly codings: Array<{ readonly code: string; readonly coder?: string }>;
  readonly memos: Array<{ readonly text: string; readonly coder?: string }>;
}

/** What an exported study needs from the rest of the export. */
export interface SourceContext {
  readonly guids: GuidRegistry;
  readonly codeGuids: ReadonlyMap<string, string>;
  readonly users: ExportUsers;
  readonly variables: readonly ExportVariable[];
  readonly warnings: string[];
  /** GUIDs of the memo notes about each study, by study id. */
  readonly studyNotes: ReadonlyMap<string, readonly string[]>;
}

/** A study's TextSource element, its Notes and its plain-text file. */
export interface ExportedSource {
  readonly element: XmlOut;
  readonly notes: XmlOut[];
  readonly fileName: string;
  readonly plainText: string;
}

/** The selections of a study: segments mapped to plain code points, merged by range. */
export function plainSelections(study: Study, plain: StudyPlainText, warnings: string[]): PlainSelection[] {
  const points = new CodePointIndex(plain.text);
  const byRange = new Map<string, PlainSelection>();
  for (const segment of plain.segments) {
    const [from, to] = plain.plainRange(segment);
    if (from === to) {
      warnings.push(`${study.path}: an empty coded passage (${segment.codes.map((code) => `#${code}`).join(' ')}) was left out.`);
      continue;
    }
    const start = points.toCodePoint(from);
    const end = points.toCodePoint(to);
    const key = `${start}:${end}`;
    let selection = byRange.get(key);
    if (!selection) byRange.set(key, (selection = { start, end, codings: [], memos: [] }));
    const coder = segment.attributes.coder || undefined;
    for (const code of segment.codes) if (!selection.codings.some((coding) => coding.code === code)) selection.codings.push({ code, coder });
    if (segment.attributes.memo) selection.memos.push({ text: segment.attributes.memo, coder });
  }
  return [...byRange.values()].sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Builds the TextSource of one study. */
export function exportSource(study: Study, plain: StudyPlainText, context: SourceContext): ExportedSource {
  const guid = context.guids.next(`study:${study.id}`);
  const fileName = `${guid}.txt`;
  const notes: XmlOut[] = [];
  const selections = plainSelections(study, plain, context.warnings).map((selection) => {
    const selectionKey = `${study.id}:${selection.start}:${selection.end}`;
    const element: XmlOut = {
      '@guid': context.guids.next(`segment:${selectionKey}`),
      '@startPosition': selection.start,
      '@endPosition': selection.end,
      // QualCoder reads the coder of a passage from the selection, qc from each coding.
      '@creatingUser': context.users.guidOfCoder(selection.codings[0]?.coder),
      Coding: selection.codings.map(({ code, coder }) => ({
        '@guid': context.guids.next(`segment:${study.id}:${code}:${selection.start}:${selection.end}`),
        '@creatingUser': context.users.guidOfCoder(coder),
        CodeRef: { '@targetGUID': context.codeGuids.get(code)! },
      })),
    };
    const noteRefs = selection.memos.map((memo, index) => {
      const noteGuid = context.guids.next(`memo:${selectionKey}:${index}`);
      notes.push({ '@guid': noteGuid, '@name': `Memo on ${xmlSafe(study.id)}`, '@creatingUser': context.users.guidOfCoder(memo.coder), PlainTextContent: xmlSafe(memo.text) });
      return { '@targetGUID': noteGuid };
    });
    if (noteRefs.length > 0) element.NoteRef = noteRefs;
    return element;
  });
  const element: XmlOut = { '@guid': guid, '@name': xmlSafe(study.id), '@plainTextPath': `internal://${fileName}` };
  if (selections.length > 0) element.PlainTextSelection = selections;
  const memoNotes = noteRefElements(context.studyNotes.get(study.id));
  if (memoNotes) element.NoteRef = memoNotes;
  const values = variableValues(study.attributes, context.variables);
  if (values.length > 0) element.VariableValue = values;
  return { element, notes, fileName, plainText: plain.text };
}
