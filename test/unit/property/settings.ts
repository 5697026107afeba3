/**
 * Run counts and seed of the property tests, from the environment:
 * `QUALSYNTH_PROPERTY_RUNS` (cases of the cheap properties, default 10,000; the costly
 * ones run a fifth of it) and `QUALSYNTH_PROPERTY_SEED` (default 42, so CI is
 * repeatable; set another seed to explore). fast-check prints the seed and the
 * shrunk counterexample of a failure.
 */
import type { Parameters } from 'fast-check';

const DEFAULT_RUNS = 10_000;
const DEFAULT_SEED = 42;

function fromEnvironment(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number)) throw new Error(`${name} must be an integer, not \`${value}\`.`);
  return number;
}

/** Cases of a cheap property. */
export const CHEAP_RUNS = Math.max(1, fromEnvironment('QUALSYNTH_PROPERTY_RUNS', DEFAULT_RUNS));
/** Cases of a costly property (remark parses, whole indexes): a fifth of the cheap count. */
export const COSTLY_RUNS = Math.max(1, Math.ceil(CHEAP_RUNS / 5));
export const SEED = fromEnvironment('QUALSYNTH_PROPERTY_SEED', DEFAULT_SEED);

/** fast-check parameters for a property, printed once so a run can be repeated. */
export function propertyParameters<T>(name: string, numRuns: number): Parameters<T> {
  console.log(`      [property] ${name}: ${numRuns} cases, seed ${SEED}`);
  return { numRuns, seed: SEED };
}
