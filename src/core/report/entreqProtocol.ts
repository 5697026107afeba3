/**
 * The ENTREQ items filled from the protocol in `qualsynth.yaml` (items 2–7, 9, 10, 12
 * and the authors' parts of 13 and 14). An item whose protocol field is absent keeps
 * its prompt, naming the key that would fill it.
 */
import type { Protocol } from '../protocol/protocol';
import { prismaCount } from './prismaFigure';
import { methodName, plural } from './wording';

/** What an item reports, and what the authors still have to write. */
export interface EntreqFill {
  readonly filled?: string;
  readonly prompt?: string;
}

/** What these items are filled from. */
export interface ProtocolContext {
  readonly method?: string;
  readonly protocol?: Protocol;
  readonly studiesInReview: number;
  /** The number of the PRISMA flow diagram among the report's figures, when drawn. */
  readonly prismaFigure?: number;
}

const key = (name: string): string => `\`protocol.${name}\` in qualsynth.yaml`;

/** Item 2: the methodology and why it was chosen. */
export function synthesisMethodology(c: ProtocolContext): EntreqFill {
  const rationale = c.protocol?.methodRationale;
  const method = c.method ? `${methodName(c.method)}.` : undefined;
  const filled = [method, rationale].filter(Boolean).join(' ') || undefined;
  if (!c.method) return { filled, prompt: 'the synthesis methodology (`method:` in qualsynth.yaml).' };
  return { filled, prompt: rationale ? undefined : `the rationale for choosing this methodology (${key('methodRationale')}).` };
}

/** Item 3: pre-planned and comprehensive, or iterative. */
export function approachToSearching(c: ProtocolContext): EntreqFill {
  const approach = c.protocol?.search?.approach;
  return approach ? { filled: approach } : { prompt: `whether the search was pre-planned and comprehensive or iterative (${key('search.approach')}).` };
}

/** Item 4: inclusion and exclusion criteria. */
export function inclusionCriteria(c: ProtocolContext): EntreqFill {
  const inclusion = c.protocol?.inclusion ?? [];
  const exclusion = c.protocol?.exclusion ?? [];
  const parts = [inclusion.length > 0 ? `Included: ${inclusion.join('; ')}.` : '', exclusion.length > 0 ? `Excluded: ${exclusion.join('; ')}.` : ''].filter(Boolean);
  if (parts.length === 0) return { prompt: `the inclusion and exclusion criteria (${key('criteria.inclusion')} and \`exclusion\`).` };
  return { filled: parts.join(' '), prompt: inclusion.length === 0 ? `the inclusion criteria (${key('criteria.inclusion')}).` : undefined };
}

/** Item 5: the sources searched, and when. */
export function dataSources(c: ProtocolContext): EntreqFill {
  const search = c.protocol?.search;
  const sources = search?.sources ?? [];
  if (sources.length === 0) return { prompt: `the databases and other sources searched, and when (${key('search.sources')} and \`lastSearched\`).` };
  const list = sources.map((source) => (source.dates ? `${source.name} (${source.dates})` : source.name)).join('; ');
  const when = search?.lastSearched ? ` Last searched ${search.lastSearched}.` : '';
  return { filled: `${list}.${when}`, prompt: search?.lastSearched ? undefined : `when the searches were run (${key('search.lastSearched')}).` };
}

/** Item 6: the search terms and limits. */
export function searchStrategy(c: ProtocolContext): EntreqFill {
  const search = c.protocol?.search;
  if (!search?.strategy) return { filled: search?.limits ? `Limits: ${search.limits}` : undefined, prompt: `the search terms (${key('search.strategy')}).` };
  if (!search.limits) return { filled: search.strategy };
  // The strategy is usually a search string, not a sentence: end it before the limits.
  const strategy = search.strategy.trimEnd();
  return { filled: `${strategy}${/[.!?]$/.test(strategy) ? '' : '.'} Limits: ${search.limits}` };
}

/** Item 7: how records were screened, and by whom. */
export function screeningMethods(c: ProtocolContext): EntreqFill {
  const screening = c.protocol?.screening;
  return screening ? { filled: screening } : { prompt: `how studies were screened and selected, and by whom (${key('screening')}).` };
}

/** Item 9: the numbers screened and excluded, with reasons: the PRISMA flow. */
export function selectionResults(c: ProtocolContext): EntreqFill {
  const prisma = c.protocol?.prisma;
  const included = `${plural(c.studiesInReview, 'study', 'studies')} included.`;
  if (!prisma) return { filled: included, prompt: `the number of records screened and the reasons for exclusion (the PRISMA 2020 counts, ${key('prisma')}).` };
  const count = prismaCount;
  const reasons = prisma.reportsExcluded?.parts.length ? ` (${prisma.reportsExcluded.parts.map((part) => `${part.label}: ${count(part.count)}`).join('; ')})` : '';
  const other = prisma.otherMethods ? `; ${count(prisma.otherMethods.identified?.total)} records from other methods, ${count(prisma.otherMethods.assessed)} of them assessed` : '';
  const figure = c.prismaFigure ? ` See the PRISMA 2020 flow diagram (Figure ${c.prismaFigure}).` : '';
  return {
    filled: `${count(prisma.screened)} records screened after ${count(prisma.duplicates)} duplicates were removed; ${count(prisma.assessed)} full-text reports assessed, ${count(prisma.reportsExcluded?.total)} excluded${reasons}${other}; ${count(prisma.includedStudies)} studies (${count(prisma.includedReports)} reports) included.${figure}`,
  };
}

/** Item 10: why and how the studies were appraised. */
export function appraisalRationale(c: ProtocolContext): EntreqFill {
  const rationale = c.protocol?.appraisal?.rationale;
  return rationale ? { filled: rationale } : { prompt: `why and how the included studies were appraised (${key('appraisal.rationale')}).` };
}

/** Item 12: independent appraisal by more than one reviewer, and consensus. */
export function appraisalProcess(c: ProtocolContext): EntreqFill {
  const appraisal = c.protocol?.appraisal;
  const who = appraisal?.appraisers.length ? `Appraised by ${appraisal.appraisers.join(', ')}.` : '';
  const filled = [who, appraisal?.process ?? ''].filter(Boolean).join(' ') || undefined;
  return { filled, prompt: appraisal?.process ? undefined : `whether studies were appraised independently by more than one reviewer, and how disagreements were resolved (${key('appraisal.process')}).` };
}

/** The authors' part of item 13: whether appraisal excluded or weighted any study. */
export function appraisalUse(c: ProtocolContext): EntreqFill {
  const use = c.protocol?.appraisal?.use;
  return use ? { filled: use } : { prompt: `whether any study was excluded or weighted because of its appraisal, and why (${key('appraisal.use')}).` };
}

/** The authors' part of item 14: which sections of the studies were analysed. */
export function extractionSections(c: ProtocolContext): EntreqFill {
  const extraction = c.protocol?.extraction;
  return extraction ? { filled: extraction } : { prompt: `which sections of the primary studies were analysed (${key('extraction')}).` };
}
