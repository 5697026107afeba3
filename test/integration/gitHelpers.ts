import { execFileSync } from 'node:child_process';
import { workspaceRoot } from './helpers';

/** Runs git in the workspace copy with a fixed identity; returns its trimmed output (Node extension host only). */
export function gitInWorkspace(...args: string[]): string {
  const identity = { GIT_AUTHOR_NAME: 't', GIT_COMMITTER_NAME: 't', GIT_AUTHOR_EMAIL: 't@x', GIT_COMMITTER_EMAIL: 't@x' };
  return execFileSync('git', args, { cwd: workspaceRoot().fsPath, encoding: 'utf8', env: { ...process.env, ...identity } }).trim();
}
