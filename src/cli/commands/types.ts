/** The shape of a CLI command and the helpers every command shares. */
import { FilterSyntaxError, parseFilter, type StudyFilter } from '../../core';
import { CliError } from '../openReview';

/** Parsed option values. */
export type Values = Record<string, string | boolean | undefined>;

/** One CLI command. */
export interface CliCommand {
  /** One line for `qualsynth --help`. */
  readonly summary: string;
  /** The command's own `--help` text. */
  readonly usage: string;
  /** Options in `node:util` parseArgs form. */
  readonly options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;
  /** Runs the command; returns the exit code. */
  run(values: Values, positionals: string[], out: NodeJS.WritableStream): Promise<number>;
}

/** The single review folder argument (default `.`). */
export function reviewDir(positionals: string[]): string {
  if (positionals.length > 1) throw new CliError(`qualsynth: expected one review folder, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0] ?? '.';
}

/** The `--filter` flags (repeatable, ANDed) as one filter; a syntax error is a located `CliError`. */
export function filterOption(values: Values, command: string): StudyFilter {
  const raw = (values as Record<string, unknown>).filter;
  const texts = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
  try {
    return parseFilter(texts);
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new CliError(`qualsynth ${command}: --filter: ${error.message}`);
    throw error;
  }
}
