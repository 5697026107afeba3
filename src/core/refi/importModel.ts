/**
 * The parts of a REFI-QDA project the importer carries over, read from `project.qde`
 * into plain objects, plus a list of what it found but cannot carry over.
 */

/** A code of the project's code tree. */
export interface ImportCode {
  readonly guid: string;
  readonly name: string;
  readonly isCodable: boolean;
  readonly description: string;
  readonly color?: string;
  readonly children: ImportCode[];
  /** Notes attached to the code. */
  readonly noteGuids: readonly string[];
}

/** A user (coder). */
export interface ImportUser {
  readonly guid: string;
  readonly name?: string;
  readonly id?: string;
}

/** A variable (study attribute). */
export interface ImportVariable {
  readonly guid: string;
  readonly name: string;
  readonly type: string;
  readonly description: string;
}

/** A variable's value on a source or case. */
export interface ImportValue {
  readonly variableGuid: string;
  readonly value: string | number | boolean;
}

/** A coding of a selection. */
export interface ImportCoding {
  readonly codeGuid: string;
  readonly userGuid?: string;
  readonly noteGuids: readonly string[];
}

/** A coded plain-text selection, in code points. */
export interface ImportSelection {
  readonly guid: string;
  readonly start: number;
  readonly end: number;
  readonly description: string;
  readonly codings: readonly ImportCoding[];
  readonly noteGuids: readonly string[];
}

/** A source with a plain-text rendering the importer can read. */
export interface ImportSource {
  readonly guid: string;
  readonly name?: string;
  /** `TextSource`, or `PDFSource` when the text is the PDF's representation. */
  readonly kind: string;
  readonly plainTextPath?: string;
  readonly plainTextContent?: string;
  /** The rich-text (e.g. `.docx`) rendering, which is never read. */
  readonly richTextPath?: string;
  readonly selections: readonly ImportSelection[];
  readonly values: readonly ImportValue[];
  readonly noteGuids: readonly string[];
  readonly description: string;
}

/** A note (memo). */
export interface ImportNote {
  readonly guid: string;
  readonly name?: string;
  readonly creatingUser?: string;
  readonly creationDateTime?: string;
  readonly plainTextPath?: string;
  readonly plainTextContent?: string;
}

/** A set of codes (and perhaps sources and notes). */
export interface ImportSet {
  readonly guid: string;
  readonly name: string;
  readonly description: string;
  readonly memberCodes: readonly string[];
  readonly otherMembers: number;
}

/** A case: variable values and the sources they apply to. */
export interface ImportCase {
  readonly guid: string;
  readonly name?: string;
  readonly values: readonly ImportValue[];
  readonly sourceGuids: readonly string[];
}

/** Everything read from `project.qde`. */
export interface ImportProject {
  readonly name: string;
  readonly origin?: string;
  /** The GUID of the project's creating user, whose codings need no `coder=`. */
  readonly creatingUser?: string;
  readonly description: string;
  readonly users: readonly ImportUser[];
  readonly codes: readonly ImportCode[];
  readonly variables: readonly ImportVariable[];
  readonly cases: readonly ImportCase[];
  readonly sources: readonly ImportSource[];
  readonly notes: ReadonlyMap<string, ImportNote>;
  /** Notes attached to the project as a whole. */
  readonly noteGuids: readonly string[];
  /** Every element that refers to a note (by `NoteRef` or `MemberNote`), as `Code "name"`, by note GUID. */
  readonly noteHolders: ReadonlyMap<string, readonly string[]>;
  readonly sets: readonly ImportSet[];
  /** Things in the project that are not carried over, one sentence each. */
  readonly notCarried: string[];
}
