/**
 * The seam between the report and the citation engine: what the report needs from a
 * formatted set of references, and what the engine (loaded only when needed) provides.
 */
import type { CslItem } from './cslItem';
import type { BibliographyFormat, ParsedBibliography } from './parseBibliography';
import type { RichRun } from './richText';

/** One entry of the reference list. */
export interface ReferenceEntry {
  /** The item's id: the study's path. */
  readonly id: string;
  readonly runs: readonly RichRun[];
}

/** References formatted in a style, for items given in the order they are first cited. */
export interface FormattedReferences {
  /** The style's title (`APA Style 7th edition`). */
  readonly style: string;
  /** True for numeric styles (Vancouver): references numbered in citation order. */
  readonly numeric: boolean;
  /** The in-text citation of each item by id, as the style writes it: `(Mowbray et al., 2005)`, `(1)`. */
  readonly citations: ReadonlyMap<string, string>;
  /** The reference list, in the style's order. */
  readonly entries: readonly ReferenceEntry[];
}

/** Formats items in one citation style. */
export type ReferenceFormatter = (items: readonly CslItem[]) => FormattedReferences;

/** The engines' part that references need (see src/manuscriptEngines.ts). */
export interface ReferenceEngines {
  parseBibliography(text: string, format: BibliographyFormat): ParsedBibliography;
  bibliographyFormat(path: string, text: string): BibliographyFormat | undefined;
  /** The CSL XML of a bundled style (`apa`, `vancouver`). */
  bundledStyle(name: string): string;
  /** A formatter for a style's CSL XML; throws an `Error` naming the problem for a broken style. */
  createFormatter(styleXml: string): ReferenceFormatter;
}
