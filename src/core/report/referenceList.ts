/**
 * The report's citations and reference list in a citation style: each study's in-text
 * citation as the style writes it ("Mowbray et al., 2005" in APA; "Mowbray et al. 2005
 * [3]" in a numeric style, so tables still name the study), and the formatted list.
 * Studies without bibliographic data keep their "Author Year" label and are listed
 * apart, as a prompt to complete them.
 */
import type { Data, PhrasingContent, RootContent } from 'mdast';
import type { ReviewReferences } from '../references/loadReferences';
import { plainText, type RichRun } from '../references/richText';
import type { ReferenceEntry } from '../references/references';
import type { Evidence } from './evidence';
import { emphasis, heading, paragraph, text } from './mdast';

/** The reference list of the report. */
export interface ReportReferences {
  /** The style's title. */
  readonly style: string;
  readonly numeric: boolean;
  readonly entries: readonly ReferenceEntry[];
  /** Studies without bibliographic data: their label and free-text `citation`. */
  readonly missing: ReadonlyArray<{ readonly label: string; readonly citation?: string }>;
}

/** The styled labels by study path, the plain text of each study's reference, and the list. */
export interface StyledReferences {
  readonly labels: ReadonlyMap<string, string>;
  readonly fullText: ReadonlyMap<string, string>;
  readonly list: ReportReferences;
}

/** Formats the references of the evidence's studies, cited in the report's study order. */
export function styleReferences(evidence: Evidence, references: ReviewReferences): StyledReferences {
  const cited = evidence.studies.filter((study) => references.items.has(study.path));
  const formatted = references.format(cited.map((study) => references.items.get(study.path)!));
  const labels = new Map(evidence.citations);
  for (const study of cited) {
    const cluster = unwrap(formatted.citations.get(study.path) ?? '');
    if (cluster) labels.set(study.path, formatted.numeric ? `${evidence.citations.get(study.path)} [${cluster}]` : cluster);
  }
  const fullText = new Map(formatted.entries.map((entry) => [entry.id, plainText(entry.runs)]));
  const missing = evidence.studies.filter((study) => !references.items.has(study.path)).map((study) => ({ label: labels.get(study.path)!, ...(study.citation ? { citation: study.citation } : {}) }));
  return { labels, fullText, list: { style: formatted.style, numeric: formatted.numeric, entries: formatted.entries, missing } };
}

/** `(Mowbray et al., 2005)` → `Mowbray et al., 2005`; `[3]` → `3`. */
function unwrap(citation: string): string {
  const match = /^[([](.*)[)\]]$/s.exec(citation.trim());
  return (match ? match[1] : citation).trim();
}

/** True for a paragraph of the reference list (the Word report gives it a hanging indent). */
export function isReferenceEntry(node: RootContent): boolean {
  return node.type === 'paragraph' && (node.data as { referenceEntry?: boolean } | undefined)?.referenceEntry === true;
}

/** The References section of the Markdown and HTML reports. */
export function referencesSection(references: ReportReferences | undefined): RootContent[] {
  if (!references) return [];
  const out: RootContent[] = [heading(2, text('References')), paragraph(emphasis(`Included studies, in ${references.style}.`))];
  for (const entry of references.entries) out.push({ ...paragraph(...runsToMdast(entry.runs)), data: { referenceEntry: true } as Data });
  if (references.missing.length > 0) {
    out.push(paragraph(emphasis('To complete:'), text(` no bibliographic data for ${references.missing.map((study) => study.label).join('; ')} — add \`title\`, \`author\` and \`issued\` to the study’s front matter, or a \`citation-key\` of the bibliography.`)));
    for (const study of references.missing) if (study.citation) out.push(paragraph(text(study.citation)));
  }
  return out;
}

/** Runs as mdast phrasing: italics as emphasis, bold as strong, links as links. */
export function runsToMdast(runs: readonly RichRun[]): PhrasingContent[] {
  return runs.map((run): PhrasingContent => {
    let node: PhrasingContent = { type: 'text', value: run.text };
    if (run.link) node = { type: 'link', url: run.link, children: [node] };
    if (run.bold) node = { type: 'strong', children: [node] };
    if (run.italic) node = { type: 'emphasis', children: [node] };
    return node;
  });
}
