/**
 * A sandbox for the file-safety tests: a review folder and an `outside` folder beside it,
 * and whole-tree snapshots (every file's bytes, every link's target, every special
 * file's kind) to prove that nothing outside the review and no input changed.
 */
import { execFileSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

/** A sandbox on disk. */
export interface Sandbox {
  /** The sandbox folder, holding `review/` and `outside/`. */
  readonly base: string;
  readonly review: string;
  readonly outside: string;
  /** Writes files below the sandbox (paths relative to `base`). */
  write(files: Record<string, string | Buffer>): void;
  /** A symbolic link at `at` (relative to base; replacing what is there) pointing to `to` (as written in the link). */
  link(at: string, to: string): void;
  /** A FIFO at `at` (relative to base). */
  fifo(at: string): void;
  remove(): void;
}

export const CODEBOOK = '# Theme\n- #fine: A code.\n';
export const STUDY = '---\nid: good\n---\nA [coded passage]{#fine}.\n';

/** A sandbox with a small review (codebook, one study) and an outside folder holding a victim file. */
export function makeSandbox(files: Record<string, string | Buffer> = {}): Sandbox {
  const base = mkdtempSync(path.join(tmpdir(), 'qualsynth-sandbox-'));
  const sandbox: Sandbox = {
    base,
    review: path.join(base, 'review'),
    outside: path.join(base, 'outside'),
    write(more) {
      for (const [file, content] of Object.entries(more)) {
        mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
        writeFileSync(path.join(base, file), content);
      }
    },
    link(at, to) {
      mkdirSync(path.dirname(path.join(base, at)), { recursive: true });
      rmSync(path.join(base, at), { recursive: true, force: true });
      symlinkSync(to, path.join(base, at));
    },
    fifo(at) {
      mkdirSync(path.dirname(path.join(base, at)), { recursive: true });
      rmSync(path.join(base, at), { recursive: true, force: true });
      execFileSync('mkfifo', [path.join(base, at)]);
    },
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
  sandbox.write({ 'review/codebook.md': CODEBOOK, 'review/studies/good.md': STUDY, 'outside/victim.txt': 'secret\n', 'outside/id_rsa': 'PRIVATE KEY\n', ...files });
  return sandbox;
}

/** Every entry below a folder: file bytes (base64), link targets, folder and special-file kinds. */
export function snapshot(folder: string): Record<string, string> {
  const entries: Record<string, string> = {};
  const visit = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const key = prefix + name;
      const info = lstatSync(full);
      if (info.isSymbolicLink()) entries[key] = `link -> ${readlinkSync(full)}`;
      else if (info.isDirectory()) {
        entries[key] = 'folder';
        visit(full, `${key}/`);
      } else if (info.isFile()) entries[key] = `file ${readFileSync(full).toString('base64')}`;
      else entries[key] = 'special';
    }
  };
  visit(folder, '');
  return entries;
}

/** The snapshot with only the entries below `prefix` left out (what a command may write). */
export function without(entries: Record<string, string>, prefix: string): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter(([key]) => key !== prefix.replace(/\/$/, '') && !key.startsWith(prefix)));
}
