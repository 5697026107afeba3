/**
 * Gathers a review's bibliographic data for the report: each study's CSL item, from its
 * front matter, or by `citation-key:` (else by its id) from the bibliography file named
 * in `qualsynth.yaml`, and the formatter of the citation style (`citationStyle:` APA by
 * default, Vancouver, or a `.csl` file). The citation engine is loaded only when the
 * review has bibliographic data at all.
 */
import { CONFIG_FILE } from '../config';
import type { ReviewHost } from '../host';
import type { Problem, ProjectConfig, Study } from '../model';
import { yamlLine } from '../protocol/yamlLines';
import { decodeText } from '../text/decode';
import { LineIndex } from '../text/lineIndex';
import { cslFields, cslFromFrontMatter, type CslItem } from './cslItem';
import type { ReferenceEngines, ReferenceFormatter } from './references';

/** A review's references, ready to format in citation order. */
export interface ReviewReferences {
  /** The CSL item of each study that has bibliographic data, by study path (item id = path). */
  readonly items: ReadonlyMap<string, CslItem>;
  readonly format: ReferenceFormatter;
  /** Unreadable bibliography or style, citation keys not found. */
  readonly problems: readonly Problem[];
}

/** What references are read from: a `Review` has all three. */
export interface ReferenceSource {
  readonly host: ReviewHost;
  readonly config: ProjectConfig;
  readonly index: { studies(): readonly Study[] };
}

/** The default style when bibliographic data is present but no `citationStyle:` is set. */
export const DEFAULT_STYLE = 'apa';

/** The review's references, or `undefined` when it has no bibliographic data and sets no style. */
export async function loadReferences(source: ReferenceSource, loadEngines: () => Promise<ReferenceEngines>): Promise<ReviewReferences | undefined> {
  const { config, host } = source;
  const studies = source.index.studies();
  const keyOf = (study: Study): string | undefined => (typeof study.attributes['citation-key'] === 'string' ? (study.attributes['citation-key'] as string).trim() || undefined : undefined);
  const inFrontMatter = studies.some((study) => keyOf(study) || cslFromFrontMatter(study.path, study.attributes));
  if (!config.bibliography && !config.citationStyle && !inFrontMatter) return undefined;
  const engines = await loadEngines();
  const problems: Problem[] = [];
  const configProblem = async (key: string, message: string): Promise<void> => void problems.push(await problemAt(host, CONFIG_FILE, (text) => yamlLine(text, [key]), message));
  const bibliography = config.bibliography ? await readBibliography(host, config.bibliography, engines, problems, configProblem) : [];
  const byKey = new Map<string, CslItem>();
  for (const item of bibliography) for (const key of [item.id, item['citation-key']]) if (typeof key === 'string' && !byKey.has(key)) byKey.set(key, item);
  const byLowerKey = new Map([...byKey].map(([key, item]) => [key.toLowerCase(), item]));
  const items = new Map<string, CslItem>();
  for (const study of studies) {
    const key = keyOf(study);
    const entry = key ? (byKey.get(key) ?? byLowerKey.get(key.toLowerCase())) : byKey.get(study.id);
    if (key && !entry) {
      const where = config.bibliography ? `the bibliography ${config.bibliography}` : 'no bibliography (set `bibliography:` in qualsynth.yaml)';
      problems.push(await problemAt(host, study.path, (text) => lineOfKey(text, 'citation-key'), `\`citation-key: ${key}\` is not in ${where}: fix the key, or write the study's title, author and issued in its front matter.`));
    }
    const item = entry ? { ...entry, ...overrides(study) } : cslFromFrontMatter(study.path, study.attributes);
    if (item) items.set(study.path, { ...item, id: study.path });
  }
  const format = await styleFormatter(host, config.citationStyle ?? DEFAULT_STYLE, engines, configProblem);
  return { items, format, problems };
}

/** CSL variables written in a study's front matter, which correct its bibliography entry. */
function overrides(study: Study): Partial<CslItem> {
  const fields: Record<string, unknown> = { ...cslFields(study.path, study.attributes) };
  delete fields.id;
  if (typeof study.attributes.type !== 'string') delete fields.type;
  // `authors`/`year` are QualSynth's own short forms; only CSL's `author`/`issued` correct an entry.
  if (study.attributes.author === undefined) delete fields.author;
  if (study.attributes.issued === undefined) delete fields.issued;
  return fields as Partial<CslItem>;
}

async function readBibliography(host: ReviewHost, path: string, engines: ReferenceEngines, problems: Problem[], configProblem: (key: string, message: string) => Promise<void>): Promise<CslItem[]> {
  const bytes = await host.readFile(path).catch(() => undefined);
  if (!bytes) {
    await configProblem('bibliography', `\`bibliography: ${path}\` does not exist: export the references there from Zotero, EndNote or Mendeley, or fix the path.`);
    return [];
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    problems.push(located(path, 0, `${path} ${decoded.reason}.`));
    return [];
  }
  const format = engines.bibliographyFormat(path, decoded.text)!;
  const parsed = engines.parseBibliography(decoded.text, format);
  for (const error of parsed.errors) problems.push(located(path, error.line, `${path} ${error.message}.`, new LineIndex(decoded.text)));
  return parsed.items;
}

async function styleFormatter(host: ReviewHost, style: string, engines: ReferenceEngines, configProblem: (key: string, message: string) => Promise<void>): Promise<ReferenceFormatter> {
  if (!/\.csl$/i.test(style)) return engines.createFormatter(engines.bundledStyle(style));
  const bytes = await host.readFile(style).catch(() => undefined);
  const decoded = bytes ? decodeText(bytes) : undefined;
  try {
    if (!decoded?.ok) throw new Error(bytes ? 'it is not UTF-8 text' : 'the file does not exist');
    return engines.createFormatter(decoded.text);
  } catch (error) {
    await configProblem('citationStyle', `\`citationStyle: ${style}\` cannot be used (${(error as Error).message}): references are in ${DEFAULT_STYLE.toUpperCase()} style instead.`);
    return engines.createFormatter(engines.bundledStyle(DEFAULT_STYLE));
  }
}

/** A warning on a file at the line `find` gives (0 when the file cannot be read). */
async function problemAt(host: ReviewHost, path: string, find: (text: string) => number, message: string): Promise<Problem> {
  const bytes = await host.readFile(path).catch(() => undefined);
  const decoded = bytes ? decodeText(bytes) : undefined;
  const text = decoded?.ok ? decoded.text : '';
  return located(path, text ? find(text) : 0, message, new LineIndex(text));
}

function located(path: string, line: number, message: string, lines = new LineIndex('')): Problem {
  return { path, range: lines.span(lines.lineStart(line), lines.lineEnd(line)), severity: 'warning', kind: 'unresolved-reference', message };
}

/** The 0-based line of a front-matter key, or 0. */
function lineOfKey(text: string, key: string): number {
  const index = text.split('\n').findIndex((line) => line.startsWith(`${key}:`));
  return Math.max(0, index);
}
