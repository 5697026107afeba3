/**
 * Problems that need more than one file to see: codes used but not defined
 * (uncategorised), codes defined but not used, study ids used twice, and GRADE-CERQual
 * judgements that no longer fit the coding.
 */
import { cerqualProblems } from './cerqual/judgementChecks';
import type { Problem, Study } from './model';
import type { ReviewIndex } from './reviewIndex';

/** A study's problems: its own, plus undefined codes and a duplicate id. */
export function problemsOfStudy(index: ReviewIndex, study: Study): Problem[] {
  const problems = [...study.problems];
  const defined = definedCodes(index);
  const tags = study.tags;
  for (let at = 0; at < tags.length; at++) {
    const tag = tags[at];
    if (defined.has(tag.code)) continue;
    problems.push({
      path: study.path,
      range: tag.range,
      severity: 'warning',
      kind: 'undefined-code',
      code: tag.code,
      message: `#${tag.code} is not defined in the codebook (uncategorised): add \`- #${tag.code}: definition\` under a theme in ${index.codebook.path}, or fix the name.`,
    });
  }
  const twins = index.studiesWithId(study.id).filter((other) => other.path !== study.path);
  if (twins.length > 0) {
    problems.push({
      path: study.path,
      range: study.idRange,
      severity: 'error',
      kind: 'duplicate-study-id',
      message: `Study id \`${study.id}\` is also used by ${twins.map((twin) => (twin.id === study.id ? twin.path : `${twin.path} (as \`${twin.id}\`)`)).join(', ')}: give each study a unique \`id\` in its front matter (ids differing only in case or Unicode normalisation count as the same).`,
    });
  }
  return problems;
}

/** Problems found by comparing the codebook with the studies. */
export function crossFileProblems(index: ReviewIndex): Problem[] {
  const problems: Problem[] = [];
  const reported = new Set<string>();
  for (const definition of index.codebook.definitions) {
    if (index.isUsed(definition.code) || reported.has(definition.code)) continue;
    reported.add(definition.code);
    problems.push({
      path: index.codebook.path,
      range: definition.range,
      severity: 'info',
      kind: 'unused-code',
      code: definition.code,
      message: `#${definition.code} is defined but not used in any study (unused).`,
    });
  }
  problems.push(...contraryProblems(index), ...cerqualProblems(index, index.cerqualSettings));
  return problems;
}

/** A code marked contrary for a finding that is neither defined nor used: most likely a typo. */
function contraryProblems(index: ReviewIndex): Problem[] {
  const defined = definedCodes(index);
  return index.allThemes().flatMap((theme) =>
    theme.contrary
      .filter((tag) => !defined.has(tag.code) && !index.isUsed(tag.code))
      .map((tag): Problem => ({ path: index.codebook.path, range: tag.range, severity: 'warning', kind: 'cerqual-syntax', code: tag.code, message: `#${tag.code}, marked contrary for “${theme.title}”, is neither defined nor used in any study: fix the name.` })),
  );
}

const definedCache = new WeakMap<object, Set<string>>();

/** The set of defined code names, cached per parsed codebook. */
function definedCodes(index: ReviewIndex): Set<string> {
  let names = definedCache.get(index.codebook);
  if (!names) {
    names = new Set(index.codebook.definitions.map((definition) => definition.code));
    definedCache.set(index.codebook, names);
  }
  return names;
}
