/**
 * The project file `qualsynth.yaml`: every key optional, defaults as in DESIGN.md.
 * Paths in it must stay inside the review folder.
 */
import yaml from 'js-yaml';
import type { Problem, ProjectConfig } from './model';
import { LineIndex } from './text/lineIndex';

/** The name of the project file at the review root. */
export const CONFIG_FILE = 'qualsynth.yaml';

/** Defaults for a review without a project file. */
export const DEFAULT_CONFIG: ProjectConfig = {
  studies: 'studies/**/*.md',
  codebook: 'codebook.md',
  reportDir: 'reports',
  reviewers: [],
  studyColumns: ['citation', 'year', 'country', 'design', 'perspective', 'participants'],
};

/** The configuration and any problems found reading it. */
export interface ConfigResult {
  readonly config: ProjectConfig;
  readonly problems: Problem[];
}

/** Parses `qualsynth.yaml`; invalid values fall back to defaults with a located problem. */
export function parseConfig(text: string | undefined): ConfigResult {
  if (text === undefined) return { config: DEFAULT_CONFIG, problems: [] };
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  const problem = (line: number, message: string): void => {
    problems.push({ path: CONFIG_FILE, range: lines.span(lines.lineStart(line), lines.lineEnd(line)), severity: 'error', kind: 'invalid-front-matter', message });
  };
  let data: unknown;
  try {
    data = yaml.safeLoad(text, { filename: CONFIG_FILE, json: false });
  } catch (error) {
    const shape = error as { reason?: string; mark?: { line?: number } };
    problem(shape.mark?.line ?? 0, `Invalid YAML in ${CONFIG_FILE}: ${shape.reason ?? String(error)}.`);
    return { config: DEFAULT_CONFIG, problems };
  }
  if (data === null || data === undefined) return { config: DEFAULT_CONFIG, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problem(0, `${CONFIG_FILE} must be a mapping of keys to values.`);
    return { config: DEFAULT_CONFIG, problems };
  }
  const raw = data as Record<string, unknown>;
  const lineOf = (key: string): number => Math.max(0, text.split('\n').findIndex((line) => line.startsWith(`${key}:`)));
  const text_ = (key: string): string | undefined => (typeof raw[key] === 'string' ? (raw[key] as string) : undefined);
  const path = (key: keyof ProjectConfig): string => {
    const value = text_(key);
    if (value === undefined) return DEFAULT_CONFIG[key] as string;
    if (!isInsideReview(value)) {
      problem(lineOf(key), `\`${key}: ${value}\` points outside the review folder: use a path relative to the folder of ${CONFIG_FILE}, without \`..\`.`);
      return DEFAULT_CONFIG[key] as string;
    }
    return value;
  };
  const list = (key: 'reviewers' | 'studyColumns'): readonly string[] => {
    const value = raw[key];
    if (Array.isArray(value)) return value.map(String);
    return DEFAULT_CONFIG[key];
  };
  return {
    config: {
      title: text_('title'),
      question: text_('question'),
      method: text_('method'),
      studies: path('studies'),
      codebook: path('codebook'),
      reportDir: path('reportDir'),
      reviewers: list('reviewers'),
      studyColumns: list('studyColumns'),
    },
    problems,
  };
}

/** True for a relative path or glob that cannot leave the review folder. */
export function isInsideReview(path: string): boolean {
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) return false;
  return !path.split(/[\\/]/).includes('..');
}
