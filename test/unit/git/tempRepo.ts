/** A throwaway git repository in the system temp folder, for tests that need real git. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as nodePath from 'node:path';
import { gitEnvironment } from '../../../src/node/git/runGit';

/** A git repository with a local identity and no global or system configuration. */
export class TempRepo {
  readonly root: string;

  constructor() {
    this.root = realpathSync(mkdtempSync(nodePath.join(tmpdir(), 'qualsynth-git-')));
    this.git('init', '--quiet', '--initial-branch=main');
    this.git('config', 'user.name', 'Test Coder');
    this.git('config', 'user.email', 'coder@example.org');
    this.git('config', 'commit.gpgsign', 'false');
    this.git('config', 'core.autocrlf', 'false');
  }

  /** Runs git in the repository and returns its trimmed output. */
  git(...args: string[]): string {
    const env = { ...gitEnvironment(), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: nodePath.join(this.root, '.git', 'no-global-config') };
    return execFileSync('git', args, { cwd: this.root, env, encoding: 'utf8' }).trim();
  }

  /** Writes files (repository-relative path → text), creating folders. */
  write(files: Record<string, string>): this {
    for (const [path, text] of Object.entries(files)) {
      const absolute = this.path(path);
      mkdirSync(nodePath.dirname(absolute), { recursive: true });
      writeFileSync(absolute, text);
    }
    return this;
  }

  remove(path: string): this {
    rmSync(this.path(path));
    return this;
  }

  rename(from: string, to: string): this {
    renameSync(this.path(from), this.path(to));
    return this;
  }

  /** Stages everything and commits; returns the commit id. */
  commit(message: string): string {
    this.git('add', '--all');
    this.git('commit', '--quiet', '--allow-empty', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  /** The absolute path of a repository-relative path. */
  path(relative = ''): string {
    return nodePath.join(this.root, ...relative.split('/').filter(Boolean));
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}
