/** `qualsynth setup-git [dir]`: registers the coding-aware merge driver for a review. */
import { realpathSync } from 'node:fs';
import * as nodePath from 'node:path';
import type { DriverProgram } from '../../core';
import { GitError } from '../../node/git/runGit';
import { applyGitSetup, describePlan, planGitSetup, planIsDone } from '../../node/merge/setupGit';
import { CliError } from '../openReview';
import { reviewDir, type CliCommand } from './types';

export const setupGitCommand: CliCommand = {
  summary: 'Register the coding-aware merge driver (.gitattributes and .git/config).',
  usage: [
    'Usage: qualsynth setup-git [dir] [--dry-run]',
    '',
    '  Shows, then writes: `.gitattributes` lines in the review folder that send study',
    '  files and the codebook to the `qualsynth` merge driver, and `merge.qualsynth.name`',
    '  and `merge.qualsynth.driver` in the repository\'s local config. Running it again',
    '  changes nothing. The driver line names this CLI by absolute path (run it again',
    '  after moving or reinstalling QualSynth); if the CLI is gone, git\'s own line merge',
    '  runs instead. Each clone (and CI) runs setup-git once: .git/config is not shared.',
    '',
    '  --dry-run   only show what would be written',
    '',
    '  Exit codes: 0 done (or nothing to do), 2 not a git repository.',
  ].join('\n'),
  options: { 'dry-run': { type: 'boolean' } },
  async run(values, positionals, out) {
    const dir = reviewDir(positionals);
    let plan;
    try {
      plan = await planGitSetup(dir, runningProgram());
    } catch (error) {
      if (error instanceof GitError) throw new CliError(`qualsynth setup-git: ${error.message}`);
      throw error;
    }
    out.write(`${describePlan(plan)}\n`);
    if (planIsDone(plan)) {
      out.write('Already set up: nothing to write.\n');
      return 0;
    }
    if (values['dry-run']) {
      out.write('Dry run: nothing written.\n');
      return 0;
    }
    await applyGitSetup(plan);
    out.write('Written. Merges, rebases and cherry-picks of these files now merge codings.\n');
    return 0;
  },
};

/** This CLI as it runs now: node, its options (a TypeScript loader in development), the script. */
function runningProgram(): DriverProgram {
  const script = process.argv[1] ? realpathSync(nodePath.resolve(process.argv[1])) : nodePath.resolve(__filename);
  return { argv: [process.execPath, ...process.execArgv], script };
}
