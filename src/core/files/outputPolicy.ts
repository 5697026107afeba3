/**
 * What a review's generated files may replace: never one of its inputs (a study, the
 * codebook, the project file, the bibliography, the citation style), whatever the
 * spelling or case of the path. Pure: the Node and VS Code writers ask it before writing.
 */
import { CONFIG_FILE } from '../config';
import type { Review } from '../review';
import { pathKey } from '../reviewPaths';

/**
 * What the review-relative `path` is to the review when it is one of its inputs ("the
 * codebook", "a study", …); `undefined` when a generated file may be written there.
 */
export function inputRole(review: Review, path: string): string | undefined {
  const key = pathKey(path);
  const { config } = review;
  const named: Array<[string | undefined, string]> = [
    [CONFIG_FILE, 'the project file'],
    [config.codebook, 'the codebook'],
    [config.bibliography, 'the bibliography'],
    [config.citationStyle, 'the citation style'],
  ];
  for (const [input, role] of named) if (input !== undefined && pathKey(input) === key) return role;
  if (review.index.studies().some((study) => pathKey(study.path) === key)) return 'a study';
  if (review.isStudyPath(path)) return 'a study path (it matches `studies:`)';
  return undefined;
}

/** The located refusal of writing a generated file over an input, or `undefined` when allowed. */
export function outputRefusal(review: Review, path: string, shown: string): string | undefined {
  const role = inputRole(review, path);
  if (role === undefined) return undefined;
  return `${shown} is ${role} of the review: a generated file never replaces an input. Choose another --out (or reportDir in ${CONFIG_FILE}).`;
}
