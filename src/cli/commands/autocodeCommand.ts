/** `qualsynth autocode PATTERN --code NAME [dir]`: codes every hit of a search, or shows the diff. */
import * as nodePath from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { applyEdits, AUTOCODE_UNITS, autocodeEdits, AutocodeError, type AutocodePlan, type AutocodeUnit, editsByPath, type SearchResult, searchStudies } from '../../core';
import { writeReviewFiles } from '../../node/files/safeWrite';
import { CliError, openReview } from '../openReview';
import { locateHits } from './searchCommand';
import { orQueryError, patternAndDir, queryOf, QUERY_OPTIONS, QUERY_USAGE, studySources } from './searchOptions';
import type { CliCommand, Values } from './types';

export const autocodeCommand: CliCommand = {
  summary: 'Code every hit of a search (the match, its sentence or its block); --dry-run shows the diff.',
  usage: [
    'Usage: qualsynth autocode PATTERN --code NAME [--code NAME …] [--unit match|sentence|block] [--dry-run] [dir] [search options]',
    '',
    '  Searches the studies in dir (default: .) as `qualsynth search` does and codes each',
    '  hit: the matched words (match, the default), the sentence holding them, or the',
    '  whole block (a block tag at its end). A passage that already has the code is left',
    '  alone, a span that is the passage takes the code in its braces; nothing else in',
    '  the files changes, so running it twice changes nothing the second time.',
    '',
    '  --code NAME        the code to apply, without # (repeatable)',
    '  --unit U           match, sentence or block (default: match)',
    '  --dry-run          print the unified diff of what would change; write nothing',
    QUERY_USAGE,
    '',
    '  Exit codes: 0 coded (or nothing to code), 1 no hits, 2 bad pattern, code, filter or folder.',
  ].join('\n'),
  options: { ...QUERY_OPTIONS, code: { type: 'string', multiple: true }, unit: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(values, positionals, out) {
    const { pattern, dir } = patternAndDir('autocode', positionals);
    const codes = codesOf(values);
    const unit = unitOf(values);
    const query = queryOf('autocode', pattern, values, { targetCodes: codes });
    const { review } = await openReview(dir);
    const sources = await studySources(review);
    const result = orQueryError('autocode', () => searchStudies(sources, { ...query, maxHits: Number.MAX_SAFE_INTEGER }));
    if (result.hits.length === 0) {
      out.write(`No hits for ${JSON.stringify(pattern)} in ${result.studiesSearched} studies: nothing to code.\n`);
      return 1;
    }
    let plan: AutocodePlan;
    try {
      plan = autocodeEdits(result, result.hits, result.texts, codes, unit);
    } catch (error) {
      if (error instanceof AutocodeError) throw new CliError(`qualsynth autocode: ${error.message}`);
      throw error;
    }
    const changed = [...editsByPath(plan.edits)].map(([path, edits]) => ({ path, before: result.texts.get(path)!, after: applyEdits(result.texts.get(path)!, edits) }));
    if (values['dry-run']) {
      for (const { path, before, after } of changed) out.write(createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, '', '', { context: 1 }).replace(/^=+\n/, ''));
    } else {
      const root = nodePath.resolve(dir);
      await writeReviewFiles(review, root, changed.map(({ path, after }) => ({ target: nodePath.join(root, ...path.split('/')), content: after })), { inputs: 'replace' });
    }
    out.write(summary(plan, result, codes, values['dry-run'] === true));
    return 0;
  },
};

function codesOf(values: Values): string[] {
  const raw = (values as Record<string, unknown>).code as string[] | undefined;
  const codes = (raw ?? []).map((code) => code.replace(/^#/, '').trim()).filter((code) => code !== '');
  if (codes.length === 0) throw new CliError('qualsynth autocode: name the code to apply with --code NAME.');
  return codes;
}

function unitOf(values: Values): AutocodeUnit {
  const unit = values.unit ?? 'match';
  if (!AUTOCODE_UNITS.includes(unit as AutocodeUnit)) throw new CliError(`qualsynth autocode: --unit takes ${AUTOCODE_UNITS.join(', ')}, not \`${String(unit)}\`.`);
  return unit as AutocodeUnit;
}

/** What was (or would be) coded, then each skipped hit located with its reason. */
function summary(plan: AutocodePlan, result: SearchResult, codes: readonly string[], dryRun: boolean): string {
  const tags = codes.map((code) => `#${code}`).join(' ');
  const verb = dryRun ? 'Would code' : 'Coded';
  const lines = [`${verb} ${plan.passages} passage${plan.passages === 1 ? '' : 's'} with ${tags} in ${plan.studies} stud${plan.studies === 1 ? 'y' : 'ies'} (${result.hits.length} hits; ${plan.alreadyCoded} already coded; ${plan.skipped.length} skipped).`];
  const skipped = new Set(plan.skipped.map((skip) => skip.hit));
  const reasons = new Map(plan.skipped.map((skip) => [skip.hit, skip.reason]));
  for (const { hit, line, column } of locateHits(result)) if (skipped.has(hit)) lines.push(`${hit.path}:${line}:${column}: skipped: ${reasons.get(hit)}`);
  return `${lines.join('\n')}\n`;
}
