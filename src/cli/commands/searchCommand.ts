/** `qualsynth search PATTERN [dir]`: every hit across the studies, as Markdown or JSON. */
import { LineIndex, type SearchHit, type SearchResult, searchStudies } from '../../core';
import { openReview } from '../openReview';
import { outputFormat } from './diff';
import { orQueryError, patternAndDir, queryOf, QUERY_OPTIONS, QUERY_USAGE, studySources } from './searchOptions';
import type { CliCommand } from './types';

export const searchCommand: CliCommand = {
  summary: 'Find words, a phrase or a regular expression in the studies as readers see them.',
  usage: [
    'Usage: qualsynth search PATTERN [dir] [--regex|--phrase] [--whole-word] [--case] [--filter expr] [--coded CODE|--not-coded CODE] [--format md|json]',
    '',
    '  Searches the text of every study in dir (default: .) as readers see it: no front',
    '  matter, code or tag syntax; a phrase is found across a soft line break.',
    '',
    QUERY_USAGE,
    '  --format md|json   hits grouped by study (default) or JSON with 1-based lines',
    '',
    '  Exit codes: 0 hits found, 1 no hits, 2 bad pattern, filter or folder.',
  ].join('\n'),
  options: { ...QUERY_OPTIONS, format: { type: 'string' } },
  async run(values, positionals, out) {
    const format = outputFormat(values, 'search');
    const { pattern, dir } = patternAndDir('search', positionals);
    const query = queryOf('search', pattern, values);
    const { review } = await openReview(dir);
    const sources = await studySources(review);
    const result = orQueryError('search', () => searchStudies(sources, query));
    out.write(format === 'json' ? `${JSON.stringify(searchJson(pattern, result), null, 2)}\n` : searchMarkdown(pattern, result));
    return result.hits.length > 0 ? 0 : 1;
  },
};

/** A hit with 1-based line and column, as the CLI prints it. */
interface LocatedHit {
  readonly hit: SearchHit;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** The hits with their 1-based positions, one line index per study. */
export function locateHits(result: SearchResult): LocatedHit[] {
  const indexes = new Map<string, LineIndex>();
  return result.hits.map((hit) => {
    let lines = indexes.get(hit.path);
    if (!lines) indexes.set(hit.path, (lines = new LineIndex(result.texts.get(hit.path) ?? '')));
    const span = lines.span(hit.start, hit.end);
    return { hit, line: span.startPosition.line + 1, column: span.startPosition.column + 1, endLine: span.endPosition.line + 1, endColumn: span.endPosition.column + 1 };
  });
}

function searchJson(pattern: string, result: SearchResult): unknown {
  return {
    version: 1,
    pattern,
    studiesSearched: result.studiesSearched,
    ...(result.truncated ? { truncated: result.truncated } : {}),
    hits: locateHits(result).map(({ hit, line, column, endLine, endColumn }) => ({
      study: hit.studyId,
      path: hit.path,
      line,
      column,
      endLine,
      endColumn,
      order: hit.order,
      block: hit.blockKind,
      text: hit.text,
      before: hit.before,
      after: hit.after,
    })),
  };
}

function searchMarkdown(pattern: string, result: SearchResult): string {
  const lines: string[] = [];
  let study = '';
  const studies = new Set(result.hits.map((hit) => hit.path)).size;
  for (const { hit, line, column } of locateHits(result)) {
    if (hit.path !== study) {
      study = hit.path;
      lines.push('', `## ${hit.studyId} (${hit.path})`, '');
    }
    lines.push(`- ${hit.path}:${line}:${column} (${hit.order === 'first' ? 'quote' : 'author'}) …${hit.before}**${hit.text}**${hit.after}…`);
  }
  const found = `${result.hits.length} hit${result.hits.length === 1 ? '' : 's'} for ${JSON.stringify(pattern)} in ${studies} of ${result.studiesSearched} studies.`;
  const stopped = result.truncated === 'hits' ? ' The search stopped at 10,000 hits: narrow it.' : result.truncated === 'time' ? ' The search ran out of time and stopped: narrow it.' : '';
  return `${found}${stopped}\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}`;
}
