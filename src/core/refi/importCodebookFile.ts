/**
 * Imports a REFI-QDA codebook (`.qdc`: ATLAS.ti, MAXQDA, NVivo, Taguette) as the
 * codebook of a new review, or as sections to merge into an existing codebook
 * (`mergeCodebook.ts`). Codes become tags as in a project import; a file that breaks
 * the schema in a harmless way (Taguette's empty `<Sets/>`) is read with a note.
 */
import { renderCodebookImportReport } from './importReport';
import { codebookSections, renderCodebook, type CodebookSections } from './importCodebook';
import type { ImportedFile } from './importProject';
import { readCode, readSet } from './readProject';
import { assignTagNames } from './tagNames';
import { toYaml } from './yamlWriter';
import { child, children, attribute, decodeXml, parseXmlSafely } from './xml';

/** A codebook read from a `.qdc` file. */
export interface ImportedCodebook {
  /** `qualsynth.yaml`, `codebook.md` and `import-report.md` of a new review. */
  readonly files: readonly ImportedFile[];
  /** The same codes as sections, to merge into an existing codebook. */
  readonly sections: CodebookSections;
  readonly codeCount: number;
  readonly themeCount: number;
  /** The import report's Markdown (also among `files`). */
  readonly report: string;
}

/** Reads a `.qdc` file; throws `XmlReadError` for unusable input. */
export function importQdc(data: Uint8Array, options: { readonly fileName?: string } = {}): ImportedCodebook {
  const fileName = options.fileName ?? 'codebook.qdc';
  const root = parseXmlSafely(decodeXml(data), 'CodeBook', fileName);
  const notes: string[] = [];
  const setsElement = child(root, 'Sets');
  if (setsElement && children(setsElement, 'Set').length === 0) notes.push('The file has an empty `<Sets/>`, which Codebook.xsd does not allow (it asks for at least one Set); it was read as no sets.');
  const tree = { codes: children(child(root, 'Codes'), 'Code').map(readCode), sets: children(setsElement, 'Set').map(readSet) };
  const { tags, renamed } = assignTagNames(tree.codes, new Set());
  const title = fileName.replace(/\.qdc$/i, '');
  const codebook = renderCodebook(`${title} — codebook`, tree, tags, notes);
  const report = renderCodebookImportReport({ fileName, origin: attribute(root, 'origin'), codeCount: tags.size, themeCount: codebook.themeCount, renamed, notCarried: notes });
  return {
    files: [{ path: 'qualsynth.yaml', content: toYaml({ title }) }, { path: 'codebook.md', content: codebook.text }, { path: 'import-report.md', content: report }],
    sections: codebookSections(tree, tags, []),
    codeCount: tags.size,
    themeCount: codebook.themeCount,
    report,
  };
}
