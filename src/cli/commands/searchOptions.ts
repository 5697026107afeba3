/** What `qualsynth search` and `qualsynth autocode` share: the query options and the studies' texts. */
import { FilterSyntaxError, parseFilter, readFileText, type Review, type SearchQuery, SearchQueryError, type SearchSource } from '../../core';
import { CliError } from '../openReview';
import type { CliCommand, Values } from './types';

/** The query options, in `parseArgs` form. */
export const QUERY_OPTIONS: CliCommand['options'] = {
  regex: { type: 'boolean' },
  phrase: { type: 'boolean' },
  'whole-word': { type: 'boolean' },
  case: { type: 'boolean' },
  filter: { type: 'string', multiple: true },
  coded: { type: 'string' },
  'not-coded': { type: 'string' },
};

/** The query options' help lines. */
export const QUERY_USAGE = [
  '  --regex            PATTERN is a JavaScript regular expression (default: words, any of them)',
  '  --phrase           PATTERN is a phrase: its words in order',
  '  --whole-word       only matches that neither start nor end inside a word',
  '  --case             match case (default: case-insensitive)',
  '  --filter expr      only studies the filter keeps, e.g. "perspective=recipients" (repeatable)',
  '  --coded CODE       only hits in passages coded with CODE',
  '  --not-coded CODE   only hits not in passages coded with CODE',
].join('\n');

/** The pattern and the review folder from the positionals: `PATTERN [dir]`. */
export function patternAndDir(command: string, positionals: readonly string[]): { pattern: string; dir: string } {
  if (positionals.length === 0 || positionals.length > 2) throw new CliError(`qualsynth ${command}: expected PATTERN [dir], got ${positionals.length} arguments. See qualsynth ${command} --help.`);
  return { pattern: positionals[0], dir: positionals[1] ?? '.' };
}

/** The query the options describe; `CliError` for a bad filter or contradicting options. */
export function queryOf(command: string, pattern: string, values: Values, extra: Partial<SearchQuery> = {}): SearchQuery {
  if (values.regex && values.phrase) throw new CliError(`qualsynth ${command}: --regex and --phrase exclude each other: pick one.`);
  if (values.coded && values['not-coded']) throw new CliError(`qualsynth ${command}: --coded and --not-coded exclude each other: pick one.`);
  const filters = (values as Record<string, unknown>).filter as string[] | undefined;
  let filter;
  try {
    filter = filters && filters.length > 0 ? parseFilter(filters) : undefined;
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw new CliError(`qualsynth ${command}: ${error.message}`);
    throw error;
  }
  const code = typeof values.coded === 'string' ? values.coded : typeof values['not-coded'] === 'string' ? values['not-coded'] : undefined;
  return {
    pattern,
    mode: values.regex ? 'regex' : values.phrase ? 'phrase' : 'words',
    wholeWord: values['whole-word'] === true,
    caseSensitive: values.case === true,
    ...(filter ? { filter } : {}),
    ...(code !== undefined ? { coded: { code: code.replace(/^#/, ''), coded: typeof values.coded === 'string' } } : {}),
    ...extra,
  };
}

/** Every study of the review with its text as it is on disk (unreadable ones are left out: `check` reports them). */
export async function studySources(review: Review): Promise<SearchSource[]> {
  const sources = await Promise.all(
    review.index.studies().map(async (study) => {
      const file = await readFileText(review.host, study.path);
      return file.kind === 'text' ? { study, text: file.text } : undefined;
    }),
  );
  return sources.filter((source): source is SearchSource => source !== undefined);
}

/** Runs `search`, turning a query that cannot run into a `CliError` (exit 2). */
export function orQueryError<T>(command: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof SearchQueryError) throw new CliError(`qualsynth ${command}: ${error.message}`);
    throw error;
  }
}
