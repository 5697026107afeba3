/**
 * Reads a parsed `project.qde` into an `ImportProject`: users, code tree, variables,
 * cases, text sources (and PDF sources with a plain-text representation), notes (and
 * what refers to each) and sets. Pictures, audio, video, PDF area selections, links and graphs are listed as
 * not carried over.
 */
import type {
  ImportCase,
  ImportCode,
  ImportCoding,
  ImportNote,
  ImportProject,
  ImportSelection,
  ImportSet,
  ImportSource,
  ImportValue,
  ImportVariable,
} from './importModel';
import { attribute, child, children, textContent, type XmlElement } from './xml';

/** Reads the `<Project>` root element. */
export function readProject(project: XmlElement): ImportProject {
  const notCarried: string[] = [];
  const sourcesElement = child(project, 'Sources');
  const notes = new Map<string, ImportNote>();
  for (const note of children(child(project, 'Notes'), 'Note')) {
    const guid = attribute(note, 'guid') ?? '';
    notes.set(guid, { guid, name: attribute(note, 'name'), creatingUser: attribute(note, 'creatingUser'), creationDateTime: attribute(note, 'creationDateTime'), plainTextPath: attribute(note, 'plainTextPath'), plainTextContent: optionalText(note, 'PlainTextContent') });
  }
  const sources = [
    ...children(sourcesElement, 'TextSource').map((element) => readTextSource(element, 'TextSource')),
    ...children(sourcesElement, 'PDFSource').flatMap((element) => readPdfSource(element, notCarried)),
  ];
  for (const kind of ['PictureSource', 'AudioSource', 'VideoSource']) {
    for (const element of children(sourcesElement, kind)) notCarried.push(`${kind} "${attribute(element, 'name') ?? attribute(element, 'guid')}": only text sources become studies.`);
  }
  countNotCarried(project, notCarried);
  const sets = children(child(project, 'Sets'), 'Set').map(readSet);
  for (const set of sets) if (set.otherMembers > 0) notCarried.push(`Set "${set.name}": ${set.otherMembers} sources or notes (document sets are not kept; group studies by a front-matter attribute instead).`);
  const cases = children(child(project, 'Cases'), 'Case').map(readCase);
  if (cases.length > 0) notCarried.push(`${cases.length} cases: their variable values were applied to their sources' studies; the cases themselves are not kept.`);
  return {
    name: attribute(project, 'name') ?? 'Imported project',
    origin: attribute(project, 'origin'),
    creatingUser: attribute(project, 'creatingUserGUID'),
    description: optionalText(project, 'Description') ?? '',
    users: children(child(project, 'Users'), 'User').map((user) => ({ guid: attribute(user, 'guid') ?? '', name: attribute(user, 'name'), id: attribute(user, 'id') })),
    codes: children(child(child(project, 'CodeBook'), 'Codes'), 'Code').map(readCode),
    variables: children(child(project, 'Variables'), 'Variable').map(readVariable),
    cases,
    sources,
    notes,
    noteGuids: noteRefs(project),
    noteHolders: noteHolders(project),
    sets,
    notCarried,
  };
}

/** A `<Code>` and its children. */
export function readCode(element: XmlElement): ImportCode {
  return {
    guid: attribute(element, 'guid') ?? '',
    name: attribute(element, 'name') ?? '',
    isCodable: attribute(element, 'isCodable') !== 'false' && attribute(element, 'isCodable') !== '0',
    description: optionalText(element, 'Description') ?? '',
    color: attribute(element, 'color'),
    children: children(element, 'Code').map(readCode),
    noteGuids: noteRefs(element),
  };
}

function readVariable(element: XmlElement): ImportVariable {
  return { guid: attribute(element, 'guid') ?? '', name: attribute(element, 'name') ?? '', type: attribute(element, 'typeOfVariable') ?? 'Text', description: optionalText(element, 'Description') ?? '' };
}

function readValues(element: XmlElement): ImportValue[] {
  const values: ImportValue[] = [];
  for (const value of children(element, 'VariableValue')) {
    const variableGuid = attribute(child(value, 'VariableRef'), 'targetGUID');
    if (!variableGuid) continue;
    const integer = child(value, 'IntegerValue');
    const float = child(value, 'FloatValue');
    const boolean = child(value, 'BooleanValue');
    const text = child(value, 'TextValue') ?? child(value, 'DateValue') ?? child(value, 'DateTimeValue');
    if (integer) values.push({ variableGuid, value: toNumber(textContent(integer)) });
    else if (float) values.push({ variableGuid, value: toNumber(textContent(float)) });
    else if (boolean) values.push({ variableGuid, value: ['true', '1'].includes(textContent(boolean).trim()) });
    else if (text) values.push({ variableGuid, value: textContent(text) });
  }
  return values;
}

function toNumber(text: string): number | string {
  const number = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(number) ? number : text;
}

function readCase(element: XmlElement): ImportCase {
  return {
    guid: attribute(element, 'guid') ?? '',
    name: attribute(element, 'name'),
    values: readValues(element),
    sourceGuids: children(element, 'SourceRef').map((ref) => attribute(ref, 'targetGUID') ?? ''),
  };
}

/** A `<Set>`: its member codes (by `targetGUID` in a project, `guid` in a codebook) and how many other members. */
export function readSet(element: XmlElement): ImportSet {
  return {
    guid: attribute(element, 'guid') ?? '',
    name: attribute(element, 'name') ?? '',
    description: optionalText(element, 'Description') ?? '',
    memberCodes: children(element, 'MemberCode').map((member) => attribute(member, 'targetGUID') ?? attribute(member, 'guid') ?? ''),
    otherMembers: children(element, 'MemberSource').length + children(element, 'MemberNote').length,
  };
}

function readTextSource(element: XmlElement, kind: string, name = attribute(element, 'name')): ImportSource {
  return {
    guid: attribute(element, 'guid') ?? '',
    name,
    kind,
    plainTextPath: attribute(element, 'plainTextPath'),
    plainTextContent: optionalText(element, 'PlainTextContent'),
    richTextPath: attribute(element, 'richTextPath'),
    selections: children(element, 'PlainTextSelection').map(readSelection),
    values: readValues(element),
    noteGuids: noteRefs(element),
    description: optionalText(element, 'Description') ?? '',
  };
}

/** A PDF source becomes a study only through its plain-text representation. */
function readPdfSource(element: XmlElement, notCarried: string[]): ImportSource[] {
  const name = attribute(element, 'name') ?? attribute(element, 'guid');
  const areas = children(element, 'PDFSelection').length;
  const representation = child(element, 'Representation');
  if (!representation) {
    notCarried.push(`PDFSource "${name}": no plain-text representation, so it was not imported.`);
    return [];
  }
  if (areas > 0) notCarried.push(`PDFSource "${name}": ${areas} area selections (page coordinates) cannot become text passages.`);
  const source = readTextSource(representation, 'PDFSource', attribute(element, 'name') ?? attribute(representation, 'name'));
  return [{ ...source, values: [...readValues(element), ...source.values], noteGuids: [...noteRefs(element), ...source.noteGuids] }];
}

function readSelection(element: XmlElement): ImportSelection {
  return {
    guid: attribute(element, 'guid') ?? '',
    start: Number.parseInt(attribute(element, 'startPosition') ?? '', 10),
    end: Number.parseInt(attribute(element, 'endPosition') ?? '', 10),
    description: optionalText(element, 'Description') ?? '',
    codings: children(element, 'Coding').map(readCoding),
    noteGuids: noteRefs(element),
  };
}

function readCoding(element: XmlElement): ImportCoding {
  return { codeGuid: attribute(child(element, 'CodeRef'), 'targetGUID') ?? '', userGuid: attribute(element, 'creatingUser'), noteGuids: noteRefs(element) };
}

function noteRefs(element: XmlElement): string[] {
  return children(element, 'NoteRef').map((ref) => attribute(ref, 'targetGUID') ?? '');
}

function optionalText(element: XmlElement, name: string): string | undefined {
  const found = child(element, name);
  return found ? textContent(found) : undefined;
}

/** Project parts QualSynth has no place for. */
function countNotCarried(project: XmlElement, notCarried: string[]): void {
  const links = children(child(project, 'Links'), 'Link').length;
  if (links > 0) notCarried.push(`${links} links between codes, sources or notes.`);
  const graphs = children(child(project, 'Graphs'), 'Graph').length;
  if (graphs > 0) notCarried.push(`${graphs} graphs (diagrams).`);
  for (const source of children(child(project, 'Sources'), 'TextSource')) {
    const codings = children(source, 'Coding').length;
    if (codings > 0) notCarried.push(`TextSource "${attribute(source, 'name') ?? attribute(source, 'guid')}": ${codings} codings of the whole source (only coded passages are carried over).`);
  }
}

/** The elements that refer to each note, by note GUID: where a note that cannot go with them came from. */
function noteHolders(project: XmlElement): Map<string, string[]> {
  const holders = new Map<string, string[]>();
  const visit = (element: XmlElement, label: string): void => {
    for (const [name, value] of Object.entries(element)) {
      if (!Array.isArray(value)) continue;
      for (const item of value) {
        if (name === 'NoteRef' || name === 'MemberNote') {
          const guid = attribute(item, 'targetGUID') ?? '';
          holders.set(guid, [...(holders.get(guid) ?? []), label]);
        } else if (!name.startsWith('#')) {
          const itemName = attribute(item, 'name');
          visit(item, itemName ? `${name} "${itemName}"` : name);
        }
      }
    }
  };
  visit(project, 'the project');
  return holders;
}
