/**
 * One imported source becomes one study: its plain text (from `sources/` in the
 * archive or inline `PlainTextContent`), its variables as front matter, its coded
 * selections as spans (their notes as `memo=`; notes on the source become memo files). Offsets arrive in the project's unit (code points, or UTF-16
 * units from NVivo for Windows) and are converted to UTF-16 offsets of the text.
 */
import type { AttributeValue } from '../model';
import { decodeText } from '../text/decode';
import { LIST_SEPARATOR, LIST_VARIABLE_DESCRIPTION } from './exportVariables';
import type { ImportNote, ImportProject, ImportSelection, ImportSource, ImportValue } from './importModel';
import { offsetReader, type OffsetUnit } from './offsetUnit';
import type { SelectionInput } from './spanPlacement';
import type { SafeZip } from './zipRead';

/** The text of a source or note (and how many control characters became U+FFFD), or why it cannot be read. */
export type ResolvedText = { readonly text: string; readonly replaced?: number } | { readonly problem: string };

// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/g;

/** NUL and other control characters (from `&#x0;`, or a text file) would make a study binary or unreadable. */
function withoutControls(text: string): ResolvedText {
  let replaced = 0;
  const clean = text.replace(controlCharacter, () => {
    replaced++;
    return '\uFFFD';
  });
  return replaced > 0 ? { text: clean, replaced } : { text };
}

/**
 * Reads a plain text from inline content or a path: `internal://x` is `sources/x`
 * (or `x` at the archive root); a bare file name is looked up under `sources/`, then at the archive root. Paths to
 * files outside the archive (`absolute://`, `relative://`, `file:`) are never read.
 */
export function resolveText(zip: SafeZip, path: string | undefined, content: string | undefined): ResolvedText {
  if (content !== undefined) return withoutControls(content);
  if (!path) return { problem: 'it has no plain text (only a rich-text or binary file); export it again with plain text' };
  const internal = /^internal:\/\/(.+)$/i.exec(path);
  const external = /^(?:absolute|relative|file):/i.test(path);
  const candidates = internal ? [`sources/${internal[1]}`, internal[1]] : external ? [`sources/${path.replace(/^[a-z]+:\/*/i, '')}`] : [`sources/${path}`, path];
  for (const candidate of candidates) {
    const bytes = zip.read(candidate.replace(/\\/g, '/'));
    if (!bytes) continue;
    const decoded = decodeText(bytes);
    return decoded.ok ? withoutControls(decoded.text) : { problem: `${candidate} ${decoded.reason}` };
  }
  return { problem: external ? `its text is a file outside the archive (${path}), which is not read` : `its text file ${path} is not in the archive` };
}

/** Front matter of a study from its source's variables (and its cases') and name. */
export function frontMatterOf(project: ImportProject, source: ImportSource, studyId: string): Record<string, AttributeValue> {
  const data: Record<string, AttributeValue> = {};
  const caseValues = project.cases.filter((item) => item.sourceGuids.includes(source.guid)).flatMap((item) => item.values);
  for (const value of [...caseValues, ...source.values]) {
    const variable = project.variables.find((candidate) => candidate.guid === value.variableGuid);
    if (!variable) continue;
    const key = variable.name === 'id' ? 'variable-id' : variable.name;
    setValue(data, key, attributeValue(value, variable.description === LIST_VARIABLE_DESCRIPTION));
  }
  // The source's name is the study's id (which the export writes back as the name); a name two sources share is a title.
  const shared = project.sources.filter((other) => other.name?.toLowerCase() === source.name?.toLowerCase()).length > 1;
  if (source.name && source.name !== studyId && !shared && data.id === undefined) data.id = source.name;
  else if (source.name && source.name !== studyId && data.title === undefined) data.title = source.name;
  if (source.description.trim() && data.description === undefined) data.description = source.description.trim();
  return data;
}

function attributeValue(value: ImportValue, isList: boolean): AttributeValue {
  if (isList && typeof value.value === 'string') return value.value.split(LIST_SEPARATOR).map((item) => item.trim()).filter((item) => item !== '');
  return value.value;
}

/** Sets a key; `casp.aims` goes into the `casp` mapping, as QualSynth exports it. */
function setValue(data: Record<string, AttributeValue>, key: string, value: AttributeValue): void {
  const casp = /^casp\.(.+)$/.exec(key);
  if (!casp) {
    data[key] = value;
    return;
  }
  const existing = data.casp;
  const mapping = existing && typeof existing === 'object' && !Array.isArray(existing) ? existing : {};
  mapping[casp[1]] = value;
  data.casp = mapping;
}

/** The text of notes by GUID (inline content or a file in the archive). */
export function noteTexts(zip: SafeZip, notes: ReadonlyMap<string, ImportNote>, guids: readonly string[]): string[] {
  return guids
    .map((guid) => notes.get(guid))
    .filter((note): note is ImportNote => note !== undefined)
    .map((note) => resolveText(zip, note.plainTextPath, note.plainTextContent))
    .map((resolved) => ('text' in resolved ? resolved.text.trim() : ''))
    .filter((text) => text !== '');
}

/** What the placement needs from the project to turn a selection into inputs. */
export interface SelectionContext {
  readonly zip: SafeZip;
  readonly project: ImportProject;
  readonly tags: ReadonlyMap<string, string>;
  /** Coder label by user GUID, or empty when the project has one user. */
  readonly coders: ReadonlyMap<string, string>;
  readonly notCarried: string[];
  /** The unit of the project's selection offsets. */
  readonly unit: OffsetUnit;
  /** Notes that become memo files, so not a span's `memo=`. */
  readonly memoFileNotes: ReadonlySet<string>;
}

/**
 * Turns a source's selections into placement inputs (one per selection and coder), in
 * UTF-16 offsets of `text`; selections out of range are clamped and noted.
 */
export function selectionInputs(text: string, source: ImportSource, context: SelectionContext, sourceLabel: string): SelectionInput[] {
  const points = offsetReader(text, context.unit);
  const inputs: SelectionInput[] = [];
  for (const selection of source.selections) {
    const range = checkedRange(selection, points.length, context.notCarried, sourceLabel);
    if (!range) continue;
    const start = points.toUtf16(range[0]);
    const end = points.toUtf16(range[1]);
    const label = `${sourceLabel}, "${excerpt(text.slice(start, end))}" (${selection.start}–${selection.end})`;
    const spanNotes = [...selection.noteGuids, ...selection.codings.flatMap((coding) => coding.noteGuids)].filter((guid) => !context.memoFileNotes.has(guid));
    const memo = [selection.description.trim(), ...noteTexts(context.zip, context.project.notes, spanNotes)].filter((part) => part !== '').join(' / ');
    if (/[{}]/.test(memo)) context.notCarried.push(`${label}: the memo's braces became parentheses (a brace would end the span's attributes).`);
    const byCoder = new Map<string, string[]>();
    for (const coding of selection.codings) {
      const tag = context.tags.get(coding.codeGuid);
      if (!tag) {
        context.notCarried.push(`${label}: a coding refers to a code that is not in the code book (${coding.codeGuid}).`);
        continue;
      }
      const coder = (coding.userGuid && context.coders.get(coding.userGuid)) || '';
      byCoder.set(coder, [...(byCoder.get(coder) ?? []), tag]);
    }
    [...byCoder].forEach(([coder, tags], index) => inputs.push({ label, start, end, tags, coder: coder || undefined, memo: index === 0 && memo ? memo : undefined }));
  }
  return inputs;
}

function checkedRange(selection: ImportSelection, length: number, notCarried: string[], sourceLabel: string): [number, number] | undefined {
  const { start, end } = selection;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start > end) {
    notCarried.push(`${sourceLabel}: selection ${selection.guid} has invalid positions (${start}–${end}).`);
    return undefined;
  }
  if (start < 0 || end > length) notCarried.push(`${sourceLabel}: selection ${selection.guid} (${start}–${end}) runs past the text (${length} characters) and was cut to fit.`);
  return [Math.max(0, Math.min(start, length)), Math.max(0, Math.min(end, length))];
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}
