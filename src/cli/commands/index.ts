/** Every CLI command by name; a new command is one file here and one line below. */
import { addStudiesCommand } from './addStudies';
import { agreementCommand } from './agreement';
import { autocodeCommand } from './autocodeCommand';
import { checkCommand } from './check';
import { cooccurrenceCommand } from './cooccurrence';
import { diffCommand } from './diff';
import { exportCommand } from './export';
import { importCommand } from './import';
import { indexCommand } from './indexCommand';
import { matrixCommand } from './matrix';
import { mergeDriverCommand } from './mergeDriver';
import { reconcileCommand } from './reconcile';
import { reportCommand } from './report';
import { searchCommand } from './searchCommand';
import { setupGitCommand } from './setupGit';
import type { CliCommand } from './types';

export type { CliCommand } from './types';

/** Every command by name, in the order `--help` lists them. */
export const commands: Record<string, CliCommand> = {
  index: indexCommand,
  check: checkCommand,
  report: reportCommand,
  search: searchCommand,
  autocode: autocodeCommand,
  matrix: matrixCommand,
  cooccurrence: cooccurrenceCommand,
  'add-studies': addStudiesCommand,
  diff: diffCommand,
  agreement: agreementCommand,
  reconcile: reconcileCommand,
  export: exportCommand,
  import: importCommand,
  'setup-git': setupGitCommand,
  'merge-driver': mergeDriverCommand,
};
