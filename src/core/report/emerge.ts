/**
 * The eMERGe meta-ethnography reporting guidance (France EF, Cunningham M, Ring N, et al.
 * Improving reporting of meta-ethnography: the eMERGe reporting guidance. BMC Med Res
 * Methodol 2019;19:25, Table 1): its 19 items in seven phases, filled from the protocol,
 * the coding, the translation and the memos where they say something, and left as
 * marked prompts where only the authors can. Each item names the report sections that
 * show it; the renderer links them.
 */
import type { ConfidenceLevel } from '../model';
import { appraisalResults, dataExtraction, studyCharacteristics, type EntreqContext } from './entreq';
import {
  approachToSearching,
  dataSources,
  extractionSections,
  inclusionCriteria,
  screeningMethods,
  searchStrategy,
  selectionResults,
  synthesisMethodology,
  type EntreqFill,
} from './entreqProtocol';
import { pairwiseRelations, type ReportTranslation, type TranslationRelation } from './translationTable';
import { plural } from './wording';

/** One eMERGe item as the report prints it. */
export interface EmergeItem {
  /** 1–7. */
  readonly phase: number;
  readonly phaseName: string;
  /** 1–19. */
  readonly number: number;
  readonly name: string;
  /** What the review's files say for this item (may be empty). */
  readonly filled: string;
  /** What the authors still have to write (absent when the data says it all). */
  readonly prompt?: string;
  /** Titles of the report's sections that show the item, in report order. */
  readonly sections: readonly string[];
}

/** What the eMERGe items are filled from: the ENTREQ context plus the translation and the findings' confidence. */
export interface EmergeContext extends EntreqContext {
  readonly translation: ReportTranslation;
  /** The confidence of each review finding, absent where not assessed. */
  readonly confidences: ReadonlyArray<ConfidenceLevel | undefined>;
}

/** The report's section headings the items point to, as the renderers print them. */
export const SECTION = {
  soqf: 'Summary of qualitative findings (GRADE-CERQual)',
  methodology: 'Synthesis methodology',
  search: 'Search',
  criteria: 'Eligibility criteria',
  selection: 'Selection of studies',
  extraction: 'Data extraction',
  studies: 'Included studies',
  appraisal: 'Quality appraisal (CASP)',
  themes: 'Themes',
  translation: 'Translation of concepts',
  relations: 'Relations between concepts',
  profile: 'GRADE-CERQual Evidence Profile',
  sensitivity: 'Sensitivity analysis',
} as const;

type Fill = EntreqFill & { readonly sections?: ReadonlyArray<string | false | undefined> };
type Filler = (context: EmergeContext) => Fill;

/** The seven phases and their items in eMERGe order, each with how it is filled. */
const PHASES: ReadonlyArray<readonly [string, ReadonlyArray<readonly [string, Filler]>]> = [
  [
    'Selecting meta-ethnography and getting started',
    [
      ['Rationale and context for the meta-ethnography', () => ({ prompt: 'the gap in research or knowledge the meta-ethnography fills, and its wider context.' })],
      ['Aim(s)', () => ({ prompt: 'the aim(s) of the meta-ethnography.' })],
      ['Focus of the meta-ethnography', (c) => (c.question ? { filled: `Review question: ${c.question}` } : { prompt: 'the review question(s) or objectives (`question:` in qualsynth.yaml).' })],
      ['Rationale for using meta-ethnography', (c) => ({ ...synthesisMethodology(c), sections: [c.protocol && SECTION.methodology] })],
    ],
  ],
  [
    'Deciding what is relevant',
    [
      ['Search strategy', searchStrategyItem],
      ['Search processes', (c) => ({ ...join(dataSources(c), { prompt: 'who ran the searches.' }), sections: [c.protocol?.search && SECTION.search] })],
      ['Selecting primary studies', (c) => ({ ...join(inclusionCriteria(c), screeningMethods(c)), sections: [criteriaShown(c) && SECTION.criteria, selectionShown(c) && SECTION.selection] })],
      ['Outcome of study selection', (c) => ({ ...selectionResults(c), sections: [selectionShown(c) && SECTION.selection, SECTION.studies] })],
    ],
  ],
  [
    'Reading included studies',
    [
      ['Reading and data extraction approach', readingItem],
      ['Presenting characteristics of included studies', characteristicsItem],
    ],
  ],
  [
    'Determining how studies are related',
    [
      ['Process for determining how studies are related', relatingProcess],
      ['Outcome of relating studies', relatingOutcome],
    ],
  ],
  [
    'Translating studies into one another',
    [
      ['Process of translating studies', translatingProcess],
      ['Outcome of translation', translationOutcome],
    ],
  ],
  [
    'Synthesizing translations',
    [
      ['Synthesis process', synthesisProcess],
      ['Outcome of synthesis process', synthesisOutcome],
    ],
  ],
  [
    'Expressing the synthesis',
    [
      ['Summary of findings', summaryOfFindings],
      ['Strengths, limitations and reflexivity', strengthsItem],
      ['Recommendations and conclusions', () => ({ prompt: 'the implications of the synthesis for policy, practice and research, and its conclusions.' })],
    ],
  ],
];

/** The 19 eMERGe items, filled from the context. */
export function emergeItems(context: EmergeContext): EmergeItem[] {
  let number = 0;
  return PHASES.flatMap(([phaseName, items], phase) =>
    items.map(([name, fill]) => {
      const { filled, prompt, sections = [] } = fill(context);
      return { phase: phase + 1, phaseName, number: ++number, name, filled: filled ?? '', ...(prompt ? { prompt } : {}), sections: sections.filter((section): section is string => typeof section === 'string') };
    }),
  );
}

/** Two fills as one: the filled texts, then the prompts, each joined as sentences. */
function join(a: EntreqFill, b: EntreqFill): EntreqFill {
  // A prompt reads on from "To complete:" in lower case; the second starts a sentence of its own.
  const both = (x?: string, y?: string): string | undefined => (x && y ? `${x} ${y.charAt(0).toUpperCase()}${y.slice(1)}` : x || y);
  return { filled: both(a.filled, b.filled), prompt: both(a.prompt, b.prompt) };
}

/** Whether the Methods section prints its eligibility criteria and its selection part (protocolSection.ts). */
const criteriaShown = (c: EmergeContext): boolean => (c.protocol?.inclusion.length ?? 0) + (c.protocol?.exclusion.length ?? 0) > 0;
const selectionShown = (c: EmergeContext): boolean => Boolean(c.protocol?.screening || c.prismaFigure);

function searchStrategyItem(c: EmergeContext): Fill {
  // eMERGe asks for the rationale of the search (comprehensive or purposive, iterative) as well as its terms.
  return { ...join(approachToSearching(c), searchStrategy(c)), sections: [c.protocol?.search && SECTION.search] };
}

function readingItem(c: EmergeContext): Fill {
  const reading = { prompt: 'how the studies were read (e.g. repeatedly, in order of publication or from an index study) and how their concepts, metaphors and themes were identified.' };
  return { ...join(dataExtraction(c), reading), sections: [c.protocol?.extraction && SECTION.extraction, SECTION.themes] };
}

function characteristicsItem(c: EmergeContext): Fill {
  const appraisal = c.appraisal ? ` CASP appraisal: ${c.appraisal.summary.appraised} of ${plural(c.studies.length, 'study', 'studies')} appraised, ${c.appraisal.summary.allMet} met every criterion.` : '';
  return { filled: `${studyCharacteristics(c).filled}${appraisal}`, sections: [SECTION.studies, c.appraisal && SECTION.appraisal] };
}

function relatingProcess(c: EmergeContext): Fill {
  const { concepts, conceptSource } = c.translation;
  const prompt = 'which aspects of the studies were compared (e.g. their concepts, metaphors and themes, and their contexts) and how the studies were juxtaposed.';
  if (concepts.length === 0) return { prompt: `${prompt} Mark the concepts: \`Kind: concept\` under a theme heading of the codebook, or define codes.` };
  const what = conceptSource === 'themes' ? 'the themes the codebook marks `Kind: concept`' : 'the codes of the codebook (no theme is marked `Kind: concept`)';
  return {
    filled: `The studies were related through ${plural(concepts.length, 'concept')}, ${what}: ${concepts.map((concept) => concept.label).join('; ')}. The translation table sets out each study’s own terms for each concept, linked to the passage.`,
    prompt,
    sections: [SECTION.translation],
  };
}

function relatingOutcome(c: EmergeContext): Fill {
  const { concepts, rows } = c.translation;
  const relations = pairwiseRelations(c.translation);
  const prompt = 'how the studies relate to one another, in words (e.g. mostly reciprocal, or standing against one another on some concepts).';
  if (concepts.length === 0) return { prompt };
  const counts = concepts.map((concept) => concept.studies);
  const range = Math.min(...counts) === Math.max(...counts) ? `${Math.min(...counts)}` : `${Math.min(...counts)}–${Math.max(...counts)}`;
  const expressed = rows.map((row) => row.cells.filter((cell) => cell.terms.length > 0).length);
  const several = expressed.filter((count) => count > 1).length;
  const none = expressed.filter((count) => count === 0).length;
  const studies = `Each concept is expressed by ${range} of ${plural(rows.length, 'study', 'studies')}; ${several} of the ${rows.length} express more than one concept${none > 0 ? `, ${none} none` : ''}.`;
  return { filled: `${studies} ${relationCounts(relations)}`, prompt, sections: [SECTION.translation, SECTION.relations] };
}

/** "Relations between concepts: 2 reciprocal, 1 refutational (2 stated in the codebook, 1 by memo)." */
function relationCounts(relations: readonly TranslationRelation[]): string {
  if (relations.length === 0) return 'No relation between concepts is stated yet.';
  const reciprocal = relations.filter((relation) => relation.kind === 'reciprocal').length;
  const memo = relations.filter((relation) => relation.source === 'memo').length;
  return `Relations between concepts: ${reciprocal} reciprocal, ${relations.length - reciprocal} refutational (${relations.length - memo} stated in the codebook, ${memo} by memo).`;
}

function translatingProcess(c: EmergeContext): Fill {
  const relations = pairwiseRelations(c.translation);
  const prompt = 'how the reciprocal and refutational translations were made (e.g. in order of publication, or from an index study), how the context and meaning of the concepts were kept within and across studies, and how alternative interpretations were considered.';
  if (relations.length === 0) return { prompt: `${prompt} Record each translation as a \`Reciprocal:\` or \`Refutes:\` line under a concept of the codebook, or as a memo with \`relation: reciprocal\` or \`refutational\`.` };
  const memo = relations.filter((relation) => relation.source === 'memo').length;
  return {
    filled: `Each translation is recorded where it was made: \`Reciprocal:\` and \`Refutes:\` lines under the concepts in ${c.codebookPath} (${relations.length - memo}) and \`relation:\` memos (${memo}), each with its basis and a link to it, and with the studies that express both concepts.`,
    prompt,
    sections: [SECTION.relations],
  };
}

function translationOutcome(c: EmergeContext): Fill {
  const { concepts, rows } = c.translation;
  const relations = pairwiseRelations(c.translation);
  const prompt = 'the interpretive findings of the translation: what each reciprocal and refutational translation shows, in the reviewers’ words.';
  if (concepts.length === 0) return { prompt };
  const cells = rows.reduce((sum, row) => sum + row.cells.filter((cell) => cell.terms.length > 0).length, 0);
  const table = `Translation table of ${plural(concepts.length, 'concept')} × ${plural(rows.length, 'study', 'studies')}: ${cells} of ${concepts.length * rows.length} cells hold the study’s own terms.`;
  const listed = (['reciprocal', 'refutational'] as const)
    .map((kind) => [kind, relations.filter((relation) => relation.kind === kind)] as const)
    .filter(([, list]) => list.length > 0)
    .map(([kind, list]) => `${kind === 'reciprocal' ? 'Reciprocal' : 'Refutational'}: ${list.map((relation) => `${relation.from} – ${relation.to} (${plural(relation.shared.length, 'study', 'studies')} expressing both)`).join('; ')}.`);
  return { filled: [table, ...listed].join(' '), prompt, sections: [SECTION.translation, SECTION.relations] };
}

function synthesisProcess(c: EmergeContext): Fill {
  const prompt = 'how the translations were synthesised into overarching concepts (e.g. a line of argument, or a reciprocal or refutational synthesis), and how alternative interpretations were considered.';
  const synthesis = c.synthesis;
  if (!synthesis) return { prompt: `${prompt} Write the line of argument in a memo with \`about: review\` or \`relation: line-of-argument\`, or mark its themes \`Kind: analytical\`.` };
  const parts = [
    synthesis.analytical.length > 0 ? `${plural(synthesis.analytical.length, 'analytical theme')} (\`Kind: analytical\`)` : '',
    synthesis.review.length > 0 ? `${plural(synthesis.review.length, 'review-level memo')} (\`about: review\` or \`relation: line-of-argument\`)` : '',
  ].filter(Boolean);
  return { filled: `The synthesis is written in ${parts.join(' and ')}, apart from the coding.${linesOfArgument(c.translation)}`, prompt, sections: [synthesis.title] };
}

/** " 1 `relation: line-of-argument` memo draws 3 concepts into it: A; B; C." — or nothing. */
function linesOfArgument(translation: ReportTranslation): string {
  const lines = translation.relations.filter((relation) => relation.kind === 'line-of-argument');
  if (lines.length === 0) return '';
  const memos = new Set(lines.map((relation) => relation.path)).size;
  const concepts = translation.concepts.filter((concept) => lines.some((relation) => relation.fromKey === concept.key || relation.toKey === concept.key)).map((concept) => concept.label);
  return ` ${plural(memos, '`relation: line-of-argument` memo')} draw${memos === 1 ? 's' : ''} ${plural(concepts.length, 'concept')} into it: ${concepts.join('; ')}.`;
}

function synthesisOutcome(c: EmergeContext): Fill {
  const prompt = 'the new interpretation, model or theory the synthesis arrives at, as the paper states it (check it against the memos).';
  const synthesis = c.synthesis;
  if (!synthesis) return { prompt };
  const analytical = synthesis.analytical.length > 0 ? `Analytical themes: ${synthesis.analytical.map((theme) => theme.title).join('; ')}.` : '';
  const memos = synthesis.review.length > 0 ? `Review-level memos: ${synthesis.review.map((memo) => `“${memo.title}”${memo.author ? ` (${memo.author})` : ''}`).join('; ')}.` : '';
  return { filled: [analytical, memos].filter(Boolean).join(' '), prompt, sections: [synthesis.title] };
}

const LEVELS: readonly ConfidenceLevel[] = ['high', 'moderate', 'low', 'very low'];

function summaryOfFindings(c: EmergeContext): Fill {
  const prompt = 'the main interpretive findings of the translation and synthesis, compared with the existing literature.';
  if (c.findings === 0) return { prompt: `${prompt} Mark the review findings (a \`Finding:\` paragraph or a \`CERQual:\` judgement under a theme of the codebook) to table them with their confidence.`, sections: [SECTION.soqf] };
  const levels = LEVELS.map((level) => [level, c.confidences.filter((confidence) => confidence === level).length] as const).filter(([, count]) => count > 0);
  const assessed = c.assessedFindings > 0 ? `: ${levels.map(([level, count]) => `${count} ${level}`).join(', ')} confidence` : '';
  return {
    filled: `${plural(c.findings, 'review finding')} in the Summary of Qualitative Findings, ${c.assessedFindings} of them with a GRADE-CERQual assessment${assessed}.`,
    prompt,
    sections: [SECTION.soqf, SECTION.profile],
  };
}

function strengthsItem(c: EmergeContext): Fill {
  const appraisal = appraisalResults(c);
  const prompt = 'the strengths and limitations of the synthesis (how the included studies and the conduct of the meta-ethnography shaped its findings) and reflexivity (the review team’s influence on the findings).';
  return { ...join(appraisal, { prompt }), sections: [c.appraisal && SECTION.appraisal, c.findings > 0 && SECTION.sensitivity] };
}
