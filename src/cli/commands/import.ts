/** `qualsynth import <file.qdpx|file.qdc> <new-folder>`: a REFI-QDA project or codebook as a new review. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { importQdc, UnsafeArchiveError, XmlReadError } from '../../core';
import { importQdpxFile, TargetFolderError, writeImportedReview } from '../../node/refi/reviewFolder';
import { CliError } from '../openReview';
import type { CliCommand } from './types';

export const importCommand: CliCommand = {
  summary: 'Import a REFI-QDA project (.qdpx) or codebook (.qdc) into a new review folder.',
  usage: [
    'Usage: qualsynth import <file.qdpx|file.qdc> <new-folder>',
    '',
    '  A project (.qdpx) becomes qualsynth.yaml, codebook.md, one studies/<name>.md per text source',
    '  (coded selections as span tags) and import-report.md (what was split, renamed or left out).',
    '  A codebook (.qdc) becomes qualsynth.yaml, codebook.md and import-report.md: a review with a',
    '  codebook and no studies yet, which every command works on. new-folder must not exist yet or',
    '  be empty. Nothing is overwritten. (To merge a .qdc into an existing codebook, use the',
    '  extension\'s Import REFI-QDA Codebook…, one undoable edit.)',
  ].join('\n'),
  options: {},
  async run(_values, positionals, out) {
    if (positionals.length !== 2) throw new CliError(`qualsynth import: expected a .qdpx or .qdc file and a new folder, got ${positionals.length} arguments.\n\n${importCommand.usage}`);
    const [file, folder] = positionals;
    if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`qualsynth import: no such file: ${file}. Pass the .qdpx project or .qdc codebook exported by NVivo, ATLAS.ti, MAXQDA, QualCoder…`);
    const shown = nodePath.relative(process.cwd(), nodePath.resolve(folder)) || folder;
    try {
      if (isCodebookFile(file)) {
        const result = importQdc(readFileSync(file), { fileName: nodePath.basename(file) });
        await writeImportedReview(folder, result.files);
        out.write(`Themes:   ${result.themeCount}\nCodes:    ${result.codeCount}\nReview:   ${shown}\nReport:   ${nodePath.join(shown, 'import-report.md')}\n`);
        return 0;
      }
      const result = await importQdpxFile(file, folder);
      for (const problem of result.problems) out.write(`warning: ${problem}\n`);
      out.write(`Studies:  ${result.studyCount}\nThemes:   ${result.themeCount}\nCodes:    ${result.codeCount}\nSpans:    ${result.spanCount}\nMemos:    ${result.memoCount}\nReview:   ${shown}\nReport:   ${nodePath.join(shown, 'import-report.md')}\n`);
      return 0;
    } catch (error) {
      if (error instanceof TargetFolderError) throw new CliError(`qualsynth import: ${error.message}`);
      if (error instanceof UnsafeArchiveError || error instanceof XmlReadError) throw new CliError(`qualsynth import: ${file}: ${error.message}`);
      throw error;
    }
  },
};

/** A `.qdc` file, or any file that is not a ZIP archive but starts like XML. */
function isCodebookFile(file: string): boolean {
  if (/\.qdc$/i.test(file)) return true;
  if (/\.qdpx$/i.test(file)) return false;
  const head = readFileSync(file).subarray(0, 64);
  return !(head[0] === 0x50 && head[1] === 0x4b) && /^(?:\uFEFF)?\s*</.test(new TextDecoder().decode(head));
}
