/**
 * git's own line merge, `git merge-file`, on texts: the line merge the study merge
 * builds on, and what the merge driver falls back to for anything it cannot read.
 * Runs with an argument array (never a shell) on files in a private temporary folder.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { type LineMerge, markerSizeFor, type MergeChunk, parseMergeOutput } from '../../core';
import { gitEnvironment } from './runGit';

/** The result of `git merge-file`: the merged bytes and the number of conflicts. */
export interface FileMergeResult {
  readonly merged: Buffer;
  readonly conflicts: number;
}

/** Labels written after git's conflict markers. */
export interface MergeLabels {
  readonly ours: string;
  readonly base: string;
  readonly theirs: string;
}

const DEFAULT_LABELS: MergeLabels = { ours: 'ours', base: 'base', theirs: 'theirs' };

/**
 * Runs `git merge-file -p` on three files (or byte buffers) and returns the merged
 * bytes; `extra` adds options such as `--marker-size=9` or `--diff3`.
 */
export async function gitMergeFile(base: Uint8Array, ours: Uint8Array, theirs: Uint8Array, labels: MergeLabels = DEFAULT_LABELS, extra: readonly string[] = []): Promise<FileMergeResult> {
  const folder = mkdtempSync(nodePath.join(tmpdir(), 'qualsynth-merge-'));
  try {
    const files = { ours: nodePath.join(folder, 'ours'), base: nodePath.join(folder, 'base'), theirs: nodePath.join(folder, 'theirs') };
    writeFileSync(files.ours, ours);
    writeFileSync(files.base, base);
    writeFileSync(files.theirs, theirs);
    const args = ['merge-file', '-p', ...extra, '-L', labels.ours, '-L', labels.base, '-L', labels.theirs, files.ours, files.base, files.theirs];
    return await runMergeFile(args, folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function runMergeFile(args: readonly string[], cwd: string): Promise<FileMergeResult> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, env: gitEnvironment(), encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolve({ merged: stdout, conflicts: 0 });
      const code = (error as { code?: unknown }).code;
      // merge-file exits with the number of conflicts (capped at 127); negative or >127 is an error.
      if (typeof code === 'number' && code > 0 && code < 128) return resolve({ merged: stdout, conflicts: code });
      if (code === 'ENOENT') return reject(new Error('git is not installed or not on the PATH.'));
      reject(new Error(`git merge-file failed: ${stderr.toString('utf8').trim() || error.message}`));
    });
  });
}

/** The study merge's line merge: `git merge-file` on the plain texts, read back into chunks. */
export const gitLineMerge: LineMerge = async (base, ours, theirs): Promise<MergeChunk[]> => {
  const markerSize = markerSizeFor([base, ours, theirs]);
  const result = await gitMergeFile(Buffer.from(base, 'utf8'), Buffer.from(ours, 'utf8'), Buffer.from(theirs, 'utf8'), DEFAULT_LABELS, [`--marker-size=${markerSize}`]);
  return parseMergeOutput(result.merged.toString('utf8'), markerSize);
};

