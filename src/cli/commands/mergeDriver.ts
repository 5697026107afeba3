/** `qualsynth merge-driver %O %A %B %P`: the merge git runs for study files and the codebook. */
import { runMergeDriver } from '../../node/merge/mergeDriver';
import { CliError } from '../openReview';
import type { CliCommand } from './types';

export const mergeDriverCommand: CliCommand = {
  summary: 'The git merge driver for studies and the codebook (registered by setup-git).',
  usage: [
    'Usage: qualsynth merge-driver <base> <ours> <theirs> <path>',
    '',
    '  Run by git as `qualsynth merge-driver %O %A %B %P` once `qualsynth setup-git` has',
    '  registered it. Merges the codings of a study three-way (a coding added on either',
    '  side is kept, one removed on one side and untouched on the other is removed) and',
    '  the text with git\'s line merge, and writes the result over <ours> as git requires.',
    '  Conflict markers are left only around lines that truly conflict.',
    '',
    '  Exit codes: 0 merged cleanly, 1 conflicts left (git then reports the file as',
    '  conflicted), 2 a version could not be read.',
  ].join('\n'),
  options: {},
  async run(_values, positionals, out) {
    if (positionals.length !== 4) throw new CliError(`qualsynth merge-driver: expected 4 arguments (%O %A %B %P), got ${positionals.length}.\n\n${mergeDriverCommand.usage}`);
    const [base, ours, theirs, path] = positionals;
    let result;
    try {
      result = await runMergeDriver({ base, ours, theirs, path });
    } catch (error) {
      throw new CliError(`qualsynth merge-driver: could not merge ${path}: ${(error as Error).message}`);
    }
    if (result.reason) out.write(`qualsynth: ${path}: ${result.reason}; used git's line merge.\n`);
    if (result.conflicts > 0) out.write(`qualsynth: ${path}: ${result.conflicts} conflict${result.conflicts === 1 ? '' : 's'} left for you (markers only around them).\n`);
    return result.conflicts > 0 ? 1 : 0;
  },
};
