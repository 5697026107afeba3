/**
 * The project file `qualsynth.yaml`: every key optional, defaults as in DESIGN.md.
 * Paths in it must stay inside the review folder.
 */
import { cerqualSettings, DEFAULT_CERQUAL } from './cerqual/settings';
import type { Problem, ProjectConfig } from './model';
import { parseProtocol, type ProtocolProblem } from './protocol/parseProtocol';
import { checkIncludedStudies } from './protocol/prismaCheck';
import { yamlLine } from './protocol/yamlLines';
import { checkYamlValues, parseSafeYaml } from './yaml/safeYaml';
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
    data = parseSafeYaml(text, CONFIG_FILE);
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
  const found = checkYamlValues(data);
  const expansion = found.find((item) => item.kind === 'expansion');
  if (expansion) {
    problem(0, `${CONFIG_FILE}: ${expansion.message}; the defaults are used.`);
    return { config: DEFAULT_CONFIG, problems };
  }
  for (const item of found) problem(yamlLine(text, item.path), `${item.path.join('.')}: ${item.message}.`, item.kind === 'reserved-key' ? 'warning' : 'error');
  const raw = data as Record<string, unknown>;
  const lineOf = (key: string): number => yamlLine(text, [key]);
  const text_ = (key: string): string | undefined => {
    const value = raw[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return String(value);
    problem(lineOf(key), `\`${key}\` must be text, not ${describeValue(value)}: write \`${key}: …\` on one line (quote it if it holds \`:\` or \`#\`).`);
    return undefined;
  };
  const path = (key: keyof ProjectConfig): string => {
    const value = text_(key);
    if (value === undefined) return DEFAULT_CONFIG[key] as string;
    const unusable = unusablePath(value);
    if (unusable) {
      problem(lineOf(key), `\`${key}\` ${unusable}; the default \`${String(DEFAULT_CONFIG[key])}\` is used.`);
      return DEFAULT_CONFIG[key] as string;
    }
    if (!isInsideReview(value)) {
      problem(lineOf(key), `\`${key}: ${value}\` points outside the review folder: use a path relative to the folder of ${CONFIG_FILE}, without \`..\`.`);
      return DEFAULT_CONFIG[key] as string;
    }
    return key === 'reportDir' || key === 'memos' ? canonicalFolder(value) : key === 'codebook' ? normalizePath(value) : value.replace(/^(?:\.\/)+/, '');
  };
  const list = (key: 'reviewers' | 'studyColumns'): readonly string[] => {
    const value = raw[key];
    if (value === undefined || value === null) return DEFAULT_CONFIG[key];
    const items = Array.isArray(value) ? value : [value];
    if (items.every((item) => typeof item === 'string' || typeof item === 'number')) return items.map(String);
    problem(lineOf(key), `\`${key}\` must be a list of names (\`${key}: [a, b]\`), not ${describeValue(value)}; the default is used.`);
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
      ...analysisKeys(raw.analysis, (message) => problem(lineOf('analysis'), message)),
    },
    problems,
  };
}

/** The most characters a path in the project file may have. */
const MAX_PATH_LENGTH = 1024;

/** Why a path value cannot be used (empty, control characters, too long), or `undefined`. */
function unusablePath(value: string): string | undefined {
  if (value.trim() === '') return 'is empty: name a path relative to the review folder';
  if (/[\u0000-\u001F\u007F]/.test(value)) return 'contains a control character (a NUL, a tab or a line break): write the path on one line, without them';
  if (value.length > MAX_PATH_LENGTH || value.split(/[\\/]/).some((part) => part.length > 255)) return `is too long (at most ${MAX_PATH_LENGTH} characters, 255 per folder or file name)`;
  return undefined;
}

/** "a list", "a mapping", "true" — for messages about a value of the wrong kind. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (typeof value === 'object' && value !== null) return 'a mapping';
  return `\`${String(value)}\``;
}

/** True for a relative path or glob that cannot leave the review folder. */
export function isInsideReview(path: string): boolean {
  if (path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:/.test(path)) return false;
  return !path.split(/[\\/]/).includes('..');
}

/** `analysis: { attribute: perspective }`: what the report's themes × attribute table groups by. */
function analysisKeys(value: unknown, problem: (message: string) => void): Pick<ProjectConfig, 'analysisAttribute'> {
  if (value === undefined || value === null) return {};
  const attribute = typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>).attribute : undefined;
  if (typeof attribute === 'string' && attribute.trim()) return { analysisAttribute: attribute.trim() };
  problem(`\`analysis:\` takes a mapping with the study attribute to group themes by, e.g. \`analysis: { attribute: perspective }\`.`);
  return {};
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
