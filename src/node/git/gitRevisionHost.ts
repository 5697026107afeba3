/**
 * A `ReviewHost` over one commit of a git repository: the review's files are listed
 * once with `git ls-tree` and read by object id through a single `git cat-file --batch`
 * process. Works when the review is a sub-folder of the repository.
 */
import picomatch from 'picomatch';
import { compareText, type Disposable, MAX_FILE_BYTES, type ReviewHost, tooLargeError } from '../../core';
import { CatFileBatch } from './catFileBatch';
import { locateReview, resolveCommit, type ReviewLocation } from './repository';
import { runGit } from './runGit';

/** The review's files at one commit, read-only. */
export class GitRevisionHost implements ReviewHost, Disposable {
  private readonly batch: CatFileBatch;

  private constructor(
    /** Where the review sits in its repository. */
    readonly location: ReviewLocation,
    /** The revision name as given (e.g. `main`, `HEAD~1`). */
    readonly revision: string,
    /** The full commit id it resolved to. */
    readonly commit: string,
    /** Review-relative path → blob id and size, for every regular file under the review. */
    private readonly blobs: ReadonlyMap<string, Blob>,
  ) {
    this.batch = new CatFileBatch(location.top);
  }

  /** Opens the review in `reviewDir` as it was at `revision`. */
  static async open(reviewDir: string, revision: string): Promise<GitRevisionHost> {
    const location = await locateReview(reviewDir);
    const commit = await resolveCommit(location.top, revision);
    const blobs = await listBlobs(location, commit);
    return new GitRevisionHost(location, revision, commit, blobs);
  }

  async findFiles(glob: string): Promise<string[]> {
    const matches = picomatch(glob, { dot: false });
    return [...this.blobs.keys()].filter((path) => matches(path)).sort(compareText);
  }

  async readFile(path: string): Promise<Uint8Array | undefined> {
    const blob = this.blobs.get(path);
    if (blob === undefined) return undefined;
    if (blob.size > MAX_FILE_BYTES) throw tooLargeError(blob.size);
    return this.batch.read(blob.id);
  }

  /** Every review-relative file path at this commit, sorted. */
  paths(): string[] {
    return [...this.blobs.keys()].sort(compareText);
  }

  /** Ends the reading process (it also ends by itself when idle). */
  dispose(): void {
    this.batch.close();
  }
}

/** A file at the commit: its object id and size in bytes. */
interface Blob {
  readonly id: string;
  readonly size: number;
}

/** Lists regular files (not symlinks or submodules) under the review at a commit, with their sizes. */
async function listBlobs(location: ReviewLocation, commit: string): Promise<Map<string, Blob>> {
  const pathspec = location.prefix ? ['--', location.prefix] : [];
  const output = await runGit(['--literal-pathspecs', 'ls-tree', '-r', '-l', '-z', '--full-name', commit, ...pathspec], location.top);
  const strip = location.prefix ? `${location.prefix}/` : '';
  const blobs = new Map<string, Blob>();
  for (const entry of output.toString('utf8').split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab === -1) continue;
    const [mode, type, objectId, size] = entry.slice(0, tab).split(/ +/);
    const fullPath = entry.slice(tab + 1);
    if (type !== 'blob' || mode === '120000' || !fullPath.startsWith(strip)) continue;
    blobs.set(fullPath.slice(strip.length), { id: objectId, size: Number(size) });
  }
  return blobs;
}
