/** `qualsynth import <file.qdpx> <new-folder>`: a REFI-QDA project as a new review. */
import { existsSync, statSync } from 'node:fs';
import * as nodePath from 'node:path';
import { importQdpxFile, TargetFolderError } from '../../node/refi/reviewFolder';
import { XmlReadError } from '../../core/refi/xml';
import { UnsafeArchiveError } from '../../core/refi/zipRead';
import { CliError } from '../openReview';
import type { CliCommand } from './types';

export const importCommand: CliCommand = {
  summary: 'Import a REFI-QDA project (.qdpx) into a new review folder.',
  usage: 'Usage: qualsynth import <file.qdpx> <new-folder>\n\n  Writes qualsynth.yaml, codebook.md, one studies/<name>.md per text source (coded\n  selections as span tags) and import-report.md (what was split, renamed or left out)\n  into new-folder, which must not exist yet or be empty. Nothing is overwritten.',
  options: {},
  async run(_values, positionals, out) {
    if (positionals.length !== 2) throw new CliError(`qualsynth import: expected a .qdpx file and a new folder, got ${positionals.length} arguments.\n\n${importCommand.usage}`);
    const [file, folder] = positionals;
    if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`qualsynth import: no such file: ${file}. Pass the .qdpx project exported by NVivo, ATLAS.ti, MAXQDA, QualCoder…`);
    let result;
    try {
      result = await importQdpxFile(file, folder);
    } catch (error) {
      if (error instanceof TargetFolderError) throw new CliError(`qualsynth import: ${error.message}`);
      if (error instanceof UnsafeArchiveError || error instanceof XmlReadError) throw new CliError(`qualsynth import: ${file}: ${error.message}`);
      throw error;
    }
    const shown = nodePath.relative(process.cwd(), nodePath.resolve(folder)) || folder;
    for (const problem of result.problems) out.write(`warning: ${problem}\n`);
    out.write(`Studies:  ${result.studyCount}\nThemes:   ${result.themeCount}\nCodes:    ${result.codeCount}\nSpans:    ${result.spanCount}\nReview:   ${shown}\nReport:   ${nodePath.join(shown, 'import-report.md')}\n`);
    return 0;
  },
};
