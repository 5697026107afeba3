/** Option parsing shared by `qualsynth matrix` and `qualsynth cooccurrence`. */
import { CliError } from '../openReview';
import type { Values } from './types';

/** The `--format` value: `md` (default), `csv` or `json`. */
export function tableFormat(values: Values, command: string): 'md' | 'csv' | 'json' {
  const format = values.format ?? 'md';
  if (format === 'md' || format === 'csv' || format === 'json') return format;
  if (format === 'markdown') return 'md';
  throw new CliError(`qualsynth ${command}: --format takes md, csv or json, not \`${String(format)}\`.`);
}

/** A value that must be one of `choices` (`fallback` when absent). */
export function choiceOption<T extends string>(values: Values, name: string, choices: readonly T[], fallback: T, command: string): T {
  const value = values[name] ?? fallback;
  if ((choices as readonly unknown[]).includes(value)) return value as T;
  throw new CliError(`qualsynth ${command}: --${name} takes ${choices.join(', ')}, not \`${String(value)}\`.`);
}

/** A whole number ≥ `min`, or `undefined` when absent. */
export function countOption(values: Values, name: string, min: number, command: string): number | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  const number = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min) {
    throw new CliError(`qualsynth ${command}: --${name} takes a whole number${min > 0 ? ` of at least ${min}` : ''}, not \`${String(value)}\`.`);
  }
  return number;
}
