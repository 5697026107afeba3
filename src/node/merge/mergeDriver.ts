/**
 * `qualsynth merge-driver %O %A %B %P`: the merge git runs for study files and the
 * codebook once `setup-git` registered it. It reads base, ours and theirs, merges
 * codings on the structure and writes the result over ours (%A), as git requires.
 * Anything it cannot read as a study (binary, not UTF-8, syntax it cannot take apart)
 * gets git's own line merge instead, so nothing is ever worse than without it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as nodePath from 'node:path';
import { CONFIG_FILE, decodeText, mergeCodebook, mergeStudy, parseConfig } from '../../core';
import { gitLineMerge, gitMergeFile } from '../git/mergeFile';

/** What git passes: the three versions' temporary files and the path being merged. */
export interface MergeDriverFiles {
  readonly base: string;
  readonly ours: string;
  readonly theirs: string;
  /** The path in the repository (%P), for messages and to tell the codebook from studies. */
  readonly path: string;
  /** The working tree's top folder (git runs drivers there); default: the process's folder. */
  readonly top?: string;
}

/** How a file was merged. */
export interface MergeDriverResult {
  readonly conflicts: number;
  /** `study` / `codebook`: merged on the structure; `lines`: git's line merge. */
  readonly mode: 'study' | 'codebook' | 'lines';
  /** Why the structured merge was not used, when it was not. */
  readonly reason?: string;
}

/** A structured merge of decoded texts (BOM included), or an error to fall back on. */
type TextMerge = (base: string, ours: string, theirs: string) => Promise<{ text: string; conflicts: number }>;

/** Merges the three files and writes the result to `files.ours`. */
export async function runMergeDriver(files: MergeDriverFiles): Promise<MergeDriverResult> {
  const bytes = { base: readFileSync(files.base), ours: readFileSync(files.ours), theirs: readFileSync(files.theirs) };
  const texts = [bytes.base, bytes.ours, bytes.theirs].map(decodeText);
  const isCodebook = isCodebookPath(files.top ?? process.cwd(), files.path);
  const merge: TextMerge = isCodebook ? (base, ours, theirs) => mergeCodebook(base, ours, theirs, gitLineMerge) : (base, ours, theirs) => mergeStudy(base, ours, theirs, gitLineMerge);
  let reason: string | undefined;
  if (texts.every((decoded) => decoded.ok)) {
    const [base, ours, theirs] = texts.map((decoded) => (decoded.ok ? (decoded.hadBom ? '\uFEFF' : '') + decoded.text : ''));
    try {
      const merged = await merge(base, ours, theirs);
      writeFileSync(files.ours, merged.text, 'utf8');
      return { conflicts: merged.conflicts, mode: isCodebook ? 'codebook' : 'study' };
    } catch (error) {
      reason = `the coding-aware merge could not be used (${(error as Error).message})`;
    }
  } else {
    reason = 'a version is not UTF-8 text';
  }
  const lines = await gitMergeFile(bytes.base, bytes.ours, bytes.theirs);
  writeFileSync(files.ours, lines.merged);
  return { conflicts: lines.conflicts, mode: 'lines', reason };
}

/**
 * True when `path` (relative to the working tree's top) is a review's codebook: the
 * nearest folder above it with a `qualsynth.yaml` names it (default `codebook.md`).
 */
export function isCodebookPath(top: string, path: string): boolean {
  const parts = path.split('/');
  for (let depth = parts.length - 1; depth >= 0; depth--) {
    const folder = parts.slice(0, depth).join('/');
    const configFile = nodePath.join(top, folder, CONFIG_FILE);
    const relative = parts.slice(depth).join('/');
    if (existsSync(configFile)) return parseConfig(readFileSync(configFile, 'utf8')).config.codebook === relative;
    if (relative === 'codebook.md' && depth === parts.length - 1) return true;
  }
  return false;
}
