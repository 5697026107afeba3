/**
 * Runs the system `git` with an argument array (`execFile`, never a shell), in a known
 * folder, without prompts and without taking the index lock, so reading an old
 * revision never disturbs the user's repository or a concurrent `git` command.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';

/** A failed git command, with what git said. */
export class GitError extends Error {
  constructor(message: string, readonly args: readonly string[], readonly stderr: string, readonly exitCode: number | null) {
    super(message);
  }
}

/** Variables that would point git at another repository than the folder we chose. */
const REPOSITORY_VARIABLES = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'GIT_NAMESPACE', 'GIT_PREFIX', 'GIT_COMMON_DIR'];

/** The environment git runs with: no terminal prompts, no optional locks, no redirection. */
export function gitEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
  for (const name of REPOSITORY_VARIABLES) delete env[name];
  return env;
}

/** Runs `git <args>` in `cwd` and returns its standard output as bytes. */
export function runGit(args: readonly string[], cwd: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile('git', [...args], { cwd, env: gitEnvironment(), encoding: 'buffer', maxBuffer: 512 * 1024 * 1024, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return reject(new GitError('git is not installed or not on the PATH; install git to compare revisions.', args, '', null));
      const said = stderr.toString('utf8').trim();
      reject(new GitError(said || error.message, args, said, typeof code === 'number' ? code : (error as { code?: number }).code ?? null));
    });
  });
}

/** Runs `git <args>` in `cwd` and returns its output as trimmed UTF-8 text. */
export async function runGitText(args: readonly string[], cwd: string): Promise<string> {
  return (await runGit(args, cwd)).toString('utf8').trim();
}

/** Starts a long-running git process with piped standard streams. */
export function spawnGit(args: readonly string[], cwd: string): ChildProcessWithoutNullStreams {
  return spawn('git', [...args], { cwd, env: gitEnvironment(), stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
}
