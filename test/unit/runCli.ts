/** Runs the `qualsynth` CLI in-process for the unit tests and captures its output. */
import { PassThrough } from 'node:stream';
import { main } from '../../src/cli/main';

/** What one CLI run printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `qualsynth <args>` in this process; resolves with the exit code and output. */
export async function runCli(...args: string[]): Promise<CliRun> {
  const out = new PassThrough();
  const err = new PassThrough();
  const chunks = { out: '', err: '' };
  out.on('data', (chunk) => (chunks.out += chunk));
  err.on('data', (chunk) => (chunks.err += chunk));
  const code = await main(args, out, err);
  return { code, ...chunks };
}
