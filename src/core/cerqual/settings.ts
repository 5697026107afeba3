/** The project file's `cerqual:` settings: relevance attributes and sensitivity criteria. */
import { FilterSyntaxError, parseFilter } from '../filter';
import type { CerqualSettings } from '../model';

/** The studies the sensitivity analysis keeps by default: CASP analysis and findings both yes. */
export const DEFAULT_SENSITIVITY = 'casp.analysis=yes; casp.findings=yes';

/** GRADE-CERQual defaults. */
export const DEFAULT_CERQUAL: CerqualSettings = { relevance: ['perspective', 'country', 'setting', 'design'], sensitivity: parseFilter(DEFAULT_SENSITIVITY) };

/** `cerqual: { relevance: [keys], sensitivity: "filter" }`; invalid values keep the defaults. */
export function cerqualSettings(value: unknown, file: string, problem: (message: string) => void): CerqualSettings {
  if (value === undefined || value === null) return DEFAULT_CERQUAL;
  if (typeof value !== 'object' || Array.isArray(value)) {
    problem(`\`cerqual:\` in ${file} must be a mapping, e.g. \`cerqual: { relevance: [perspective, country], sensitivity: "casp.analysis=yes" }\`.`);
    return DEFAULT_CERQUAL;
  }
  const raw = value as Record<string, unknown>;
  const relevance = Array.isArray(raw.relevance) ? raw.relevance.map(String) : DEFAULT_CERQUAL.relevance;
  if (raw.relevance !== undefined && !Array.isArray(raw.relevance)) problem(`\`cerqual.relevance\` must be a list of study attributes, e.g. \`[perspective, country, setting, design]\`.`);
  let sensitivity = DEFAULT_CERQUAL.sensitivity;
  if (raw.sensitivity !== undefined) {
    try {
      sensitivity = parseFilter(String(raw.sensitivity));
    } catch (error) {
      if (!(error instanceof FilterSyntaxError)) throw error;
      problem(`\`cerqual.sensitivity\` is not a valid filter (${error.message}); the default \`${DEFAULT_SENSITIVITY}\` is used.`);
    }
  }
  return { relevance, sensitivity };
}
