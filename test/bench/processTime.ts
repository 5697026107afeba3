/**
 * Times a command as a fresh process, as a user waits for it: the wall time, and the
 * CPU time of the child (user + system, all its threads) read from Linux's
 * `/proc/self/stat` (cutime + cstime of the children this process waited for). Where
 * that file does not exist, the CPU time is reported as the wall time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { Sample } from './measure';

/** Clock ticks per second of `/proc` times (USER_HZ: 100 on every Linux Node supports). */
const TICKS_PER_SECOND = 100;

function childrenCpuMs(): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 (cutime, cstime) are the 14th and 15th after the name.
  return ((Number(fields[13]) + Number(fields[14])) * 1000) / TICKS_PER_SECOND;
}

/** Runs `command args` to its end (its output discarded) and returns how long it took. */
export function timeProcess(command: string, args: readonly string[], expectedStatus: readonly number[] = [0]): Sample {
  const cpuBefore = childrenCpuMs();
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const wall = performance.now() - started;
  const cpuAfter = childrenCpuMs();
  if (result.error) throw result.error;
  if (!expectedStatus.includes(result.status ?? -1)) throw new Error(`${command} ${args.join(' ')} exited with ${result.status}: ${result.stderr}`);
  return { wall, cpu: cpuBefore === undefined || cpuAfter === undefined ? wall : cpuAfter - cpuBefore };
}
