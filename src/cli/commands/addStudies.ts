/** `qualsynth add-studies refs.ris|refs.bib|refs.json [dir]`: one study file per record of a reference manager's export. */
import { existsSync, readFileSync } from 'node:fs';
import { decodeText, planStudies, studyFolder } from '../../core';
import { writeReviewFiles } from '../../node/files/safeWrite';
import { loadManuscriptEngines } from '../../node/loadEngines';
import { CliError, openReview } from '../openReview';
import type { CliCommand } from './types';

const USAGE = `Usage: qualsynth add-studies refs.ris|refs.bib|refs.json [dir] [--dry-run]

  Creates one study file per record of a reference manager's export, in the studies
  folder of the review in dir (default: .; the folder of the \`studies:\` glob).
  Reads RIS (Zotero, EndNote — also EndNote's .txt RIS export —, Covidence, Rayyan,
  Mendeley), BibTeX/BibLaTeX (.bib) and CSL-JSON (.json). Each file gets an id from the
  first author and the year (unique in the review), the record's bibliographic data in
  its front matter, and the study template's fields and sections. A record whose DOI,
  citation key, or title and year is already a study (or an earlier record) is skipped.
  --dry-run   print what would be created and skipped, write nothing

  Exit codes: 0 done, 1 some records could not be read, 2 unusable input.`;

export const addStudiesCommand: CliCommand = {
  summary: 'Create a study file per record of a RIS, BibTeX or CSL-JSON export.',
  usage: USAGE,
  options: { 'dry-run': { type: 'boolean' } },
  async run(values, positionals, out) {
    if (positionals.length < 1 || positionals.length > 2) throw new CliError(`qualsynth add-studies: expected a references file and an optional review folder.\n\n${USAGE}`);
    const [file, dir = '.'] = positionals;
    const text = readReferences(file);
    const engines = await loadManuscriptEngines();
    const format = engines.bibliographyFormat(file, text);
    if (!format) throw new CliError(`qualsynth add-studies: ${file} is not RIS, BibTeX or CSL-JSON: export the references as .ris, .bib or .json.`);
    const parsed = engines.parseBibliography(text, format);
    const problems = parsed.errors.map((error) => `${file}:${error.line + 1}:1: warning: ${file} ${error.message}`);
    if (parsed.items.length === 0) throw new CliError(`qualsynth add-studies: no records read from ${file}.${problems.length > 0 ? `\n${problems.join('\n')}` : ''}`);
    const { review, host } = await openReview(dir, { allowEmpty: true });
    const folder = studyFolder(review.config.studies);
    const plan = planStudies(parsed.items, review.index.studies(), folder);
    const created = plan.created.filter((study) => !existsSync(host.absolute(study.path)));
    const existing = plan.created.filter((study) => !created.includes(study));
    if (!values['dry-run']) {
      const files = created.map((study) => ({ target: host.absolute(study.path), content: study.text }));
      await writeReviewFiles(review, host.root, files, { inputs: 'replace', createOnly: true });
    }
    const verb = values['dry-run'] ? 'Would create' : 'Created';
    const lines = [`${verb} ${created.length} ${created.length === 1 ? 'study' : 'studies'} in ${folder || '.'}/ from ${parsed.items.length} records of ${file}:`];
    for (const study of created) lines.push(`  ${study.path}  ${study.label}`);
    const skipped = plan.skipped.length + existing.length;
    if (skipped > 0) lines.push(`Skipped ${skipped}:`);
    for (const record of plan.skipped) lines.push(`  record ${record.record}  ${record.label} — ${record.reason}`);
    for (const study of existing) lines.push(`  ${study.path}  ${study.label} — the file already exists`);
    lines.push(...problems);
    out.write(`${lines.join('\n')}\n`);
    return problems.length > 0 ? 1 : 0;
  },
};

function readReferences(file: string): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new CliError(`qualsynth add-studies: cannot read ${file}: give the path of a .ris, .bib or .json export.`);
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new CliError(`qualsynth add-studies: ${file} ${decoded.reason}.`);
  return decoded.text;
}
