/**
 * The project file `qualsynth.yaml`: every key optional, defaults as in DESIGN.md.
 * Paths in it must stay inside the review folder.
 */
import yaml from 'js-yaml';
import { cerqualSettings, DEFAULT_CERQUAL } from './cerqual/settings';
import type { Problem, ProjectConfig } from './model';
import { parseProtocol, type ProtocolProblem } from './protocol/parseProtocol';
import { checkIncludedStudies } from './protocol/prismaCheck';
import { yamlLine } from './protocol/yamlLines';
import { canonicalFolder, normalizePath } from './reviewPaths';
import { LineIndex } from './text/lineIndex';

/** The name of the project file at the review root. */
export const CONFIG_FILE = 'qualsynth.yaml';

/** Defaults for a review without a project file. */
export const DEFAULT_CONFIG: ProjectConfig = {
  studies: 'studies/**/*.md',
  codebook: 'codebook.md',
  reportDir: 'reports',
  memos: 'memos',
  reviewers: [],
  studyColumns: ['citation', 'year', 'country', 'design', 'perspective', 'participants'],
  cerqual: DEFAULT_CERQUAL,
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
  const problem = (line: number, message: string, severity: Problem['severity'] = 'error', kind: Problem['kind'] = 'invalid-front-matter'): void => {
    problems.push({ path: CONFIG_FILE, range: lines.span(lines.lineStart(line), lines.lineEnd(line)), severity, kind, message });
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
    return key === 'reportDir' || key === 'memos' ? canonicalFolder(value) : key === 'codebook' ? normalizePath(value) : value.replace(/^(?:\.\/)+/, '');
  };
  const list = (key: 'reviewers' | 'studyColumns'): readonly string[] => {
    const value = raw[key];
    if (Array.isArray(value)) return value.map(String);
    return DEFAULT_CONFIG[key];
  };
  const protocol = parseProtocol(raw.protocol);
  problems.push(...locate(text, protocol.problems));
  const references = referenceKeys(raw, (key, message) => problem(lineOf(key), message));
  return {
    config: {
      title: text_('title'),
      question: text_('question'),
      method: text_('method'),
      studies: path('studies'),
      codebook: path('codebook'),
      reportDir: path('reportDir'),
      // Memos need a folder of their own: `memos: .` would make every study a memo.
      memos: path('memos') || DEFAULT_CONFIG.memos,
      reviewers: list('reviewers'),
      studyColumns: list('studyColumns'),
      ...references,
      ...(protocol.protocol ? { protocol: protocol.protocol } : {}),
      cerqual: cerqualSettings(raw.cerqual, CONFIG_FILE, (message) => problem(lineOf('cerqual'), message)),
    },
    problems,
  };
}

/** True for a relative path or glob that cannot leave the review folder. */
export function isInsideReview(path: string): boolean {
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) return false;
  return !path.split(/[\\/]/).includes('..');
}

/** The bibliography file types, by extension. */
const BIBLIOGRAPHY_FILE = /\.(bib|bibtex|json|ris)$/i;
/** The citation styles bundled with QualSynth; any other style is a `.csl` file. */
export const BUNDLED_STYLES = ['apa', 'vancouver'] as const;

/** `bibliography:` (a .bib, CSL-JSON .json or .ris file) and `citationStyle:` (apa, vancouver or a .csl file). */
function referenceKeys(raw: Record<string, unknown>, problem: (key: string, message: string) => void): Pick<ProjectConfig, 'bibliography' | 'citationStyle'> {
  const out: { bibliography?: string; citationStyle?: string } = {};
  const bibliography = raw.bibliography;
  if (bibliography !== undefined && bibliography !== null) {
    if (typeof bibliography !== 'string' || !BIBLIOGRAPHY_FILE.test(bibliography) || !isInsideReview(bibliography)) {
      problem('bibliography', `\`bibliography: ${String(bibliography)}\` must name a .bib, CSL-JSON .json or .ris file inside the review folder (e.g. \`bibliography: references.bib\`).`);
    } else out.bibliography = bibliography;
  }
  const style = raw.citationStyle;
  if (style !== undefined && style !== null) {
    const name = typeof style === 'string' ? style.trim() : '';
    if ((BUNDLED_STYLES as readonly string[]).includes(name.toLowerCase())) out.citationStyle = name.toLowerCase();
    else if (/\.csl$/i.test(name) && isInsideReview(name)) out.citationStyle = name;
    else problem('citationStyle', `\`citationStyle: ${String(style)}\` is not a style: use ${BUNDLED_STYLES.join(' or ')}, or the path of a .csl file inside the review (from the Zotero Style Repository).`);
  }
  return out;
}

/**
 * A warning on `qualsynth.yaml` when its PRISMA count of included studies is not the
 * number of study files of the review.
 */
export function includedStudiesProblems(text: string | undefined, config: ProjectConfig, studyFiles: number): Problem[] {
  if (text === undefined) return [];
  return locate(text, checkIncludedStudies(config.protocol?.prisma, studyFiles));
}

function locate(text: string, found: readonly ProtocolProblem[]): Problem[] {
  const lines = new LineIndex(text);
  return found.map((item) => {
    const line = yamlLine(text, item.path);
    return { path: CONFIG_FILE, range: lines.span(lines.lineStart(line), lines.lineEnd(line)), severity: item.severity, kind: 'invalid-protocol', message: item.message };
  });
}
