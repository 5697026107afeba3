/**
 * What `qualsynth setup-git` writes: `.gitattributes` lines that send study files and
 * the codebook to the `qualsynth` merge driver, and the driver's command line for the
 * repository's `.git/config`. Pure: the Node side reads and writes the files.
 */
import type { ProjectConfig } from '../model';

/** The merge driver's name in `.gitattributes` (`merge=qualsynth`) and `.git/config`. */
export const DRIVER_NAME = 'qualsynth';

/** The `merge.qualsynth.name` git shows. */
export const DRIVER_DESCRIPTION = 'QualSynth coding-aware merge of studies and the codebook';

/** How to start the QualSynth CLI that the driver line runs. */
export interface DriverProgram {
  /** The program and its options before the script (e.g. `node`, or Electron run as node). */
  readonly argv: readonly string[];
  /** The CLI script (`dist/cli.js`); when it is gone, git's own line merge runs instead. */
  readonly script: string;
  /** Environment variables the program needs (e.g. `ELECTRON_RUN_AS_NODE=1`). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * The driver command git runs through `sh` (also on Windows, in Git's own shell): the
 * CLI by absolute path when it is still there, else git's line merge of the same files,
 * so a moved or removed installation never leaves a file unmerged.
 */
export function driverCommand(program: DriverProgram): string {
  const env = Object.entries(program.env ?? {}).map(([key, value]) => `${key}=${shellQuote(value)} `).join('');
  const run = [...program.argv, program.script].map(shellQuote).join(' ');
  return `if [ -f ${shellQuote(program.script)} ]; then ${env}${run} merge-driver %O %A %B %P; else git merge-file -L ours -L base -L theirs %A %O %B; fi`;
}

/** A word quoted for `sh`; Windows back-slashes become forward slashes, which Git's shell reads. */
export function shellQuote(word: string): string {
  const path = /^[A-Za-z]:\\/.test(word) ? word.replace(/\\/g, '/') : word;
  return `'${path.replace(/'/g, `'\\''`)}'`;
}

/** The `.gitattributes` lines (for the review folder's own file) that route studies and the codebook to the driver. */
export function attributeLines(config: Pick<ProjectConfig, 'studies' | 'codebook'>): string[] {
  return [`${attributePattern(config.studies)} merge=${DRIVER_NAME}`, `${attributePattern(config.codebook)} merge=${DRIVER_NAME}`];
}

/**
 * A review-relative glob as a `.gitattributes` pattern anchored at the review folder.
 * gitattributes patterns know `*`, `**`, `?` and `[…]` but no braces or extglobs: such
 * a glob is widened to every Markdown file under its fixed leading folders.
 */
export function attributePattern(glob: string): string {
  const clean = glob.replace(/^\.\//, '');
  if (/^[\w./*?[\]-]+$/.test(clean) && !/\s/.test(clean)) return `/${clean}`;
  const fixed = clean.slice(0, clean.search(/[*?[{(!+@]/)).replace(/[^/]*$/, '');
  return `/${fixed}**/*.md`;
}

/** The `.gitattributes` text with the missing lines appended, and which were missing. */
export function withAttributeLines(existing: string | undefined, lines: readonly string[]): { text: string; added: string[] } {
  const text = existing ?? '';
  const present = new Set(text.split(/\r?\n/).map((line) => line.trim().replace(/\s+/g, ' ')));
  const added = lines.filter((line) => !present.has(line));
  if (added.length === 0) return { text, added };
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const separator = text.length === 0 || text.endsWith('\n') ? '' : eol;
  const header = text.includes('# QualSynth') ? [] : ['# QualSynth: merge codings, not lines (qualsynth setup-git)'];
  return { text: text + separator + [...header, ...added].join(eol) + eol, added };
}
