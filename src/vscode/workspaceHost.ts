import * as vscode from 'vscode';
import { type FileStamp, MAX_FILE_BYTES, RefusedFileError, type ReviewHost, tooLargeError } from '../core';
import { toReviewPath, toUri } from './convert';

/** Files whose presence at a folder's top marks it as a review root. */
const ROOT_MARKERS = ['qualsynth.yaml', 'codebook.md'];

/**
 * The core's `ReviewHost` over `vscode.workspace.fs`, so the extension sees the same
 * files as the editor (remote and virtual file systems included).
 */
export class WorkspaceHost implements ReviewHost {
  /** @param root The review root: paths the core sees are relative to it. */
  constructor(readonly root: vscode.Uri) {}

  /** Review-relative paths matching a glob, sorted; honours `files.exclude`. */
  async findFiles(glob: string): Promise<string[]> {
    const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(this.root, glob));
    const paths = uris.map((uri) => toReviewPath(this.root, uri)).filter((path): path is string => path !== undefined);
    return paths.sort();
  }

  /**
   * The bytes of a file, or `undefined` when it does not exist or cannot be read; as on
   * disk, only files within `MAX_FILE_BYTES` (the size is asked first).
   */
  async readFile(path: string): Promise<Uint8Array | undefined> {
    try {
      const uri = toUri(this.root, path);
      const info = await vscode.workspace.fs.stat(uri);
      if ((info.type & vscode.FileType.File) === 0) throw new RefusedFileError('is not a file: only files are read');
      if (info.size > MAX_FILE_BYTES) throw tooLargeError(info.size);
      return await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      if (error instanceof vscode.FileSystemError) return undefined;
      throw error;
    }
  }

  /** The file's modification time and size, `undefined` when it is gone. */
  async stat(path: string): Promise<FileStamp | undefined> {
    try {
      const info = await vscode.workspace.fs.stat(toUri(this.root, path));
      return { mtime: info.mtime, size: info.size };
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return undefined;
      throw error;
    }
  }
}

/**
 * The review root: the first workspace folder holding `qualsynth.yaml` or
 * `codebook.md` at its top; otherwise the folder of the first such file further down
 * (the activation events match at any depth). `undefined` when there is none.
 */
export async function findReviewRoot(): Promise<vscode.Uri | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const marker of ROOT_MARKERS) {
      if (await exists(vscode.Uri.joinPath(folder.uri, marker))) return folder.uri;
    }
  }
  for (const marker of ROOT_MARKERS) {
    const [found] = await vscode.workspace.findFiles(`**/${marker}`, '**/node_modules/**', 1);
    if (found) return vscode.Uri.joinPath(found, '..');
  }
  return undefined;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
