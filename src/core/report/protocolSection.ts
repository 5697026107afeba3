/**
 * The report's Methods section, from the protocol in `qualsynth.yaml`: the synthesis
 * methodology, the search, the eligibility criteria, the selection of studies with the
 * PRISMA 2020 flow diagram, the appraisal and the data extraction. Only the parts the
 * protocol gives are printed.
 */
import type { RootContent } from 'mdast';
import type { Protocol } from '../protocol/protocol';
import { figureBlocks } from './figures';
import { bulletList, heading, paragraph, prose, strong, table, text } from './mdast';
import type { ReportModel } from './reportModel';
import { methodName } from './wording';

/** The Methods section; empty when the project file has no protocol. */
export function protocolSection(model: ReportModel): RootContent[] {
  const protocol = model.protocol;
  if (!protocol) return [];
  const out: RootContent[] = [heading(2, text('Methods'))];
  if (model.method || protocol.methodRationale) {
    out.push(heading(3, text('Synthesis methodology')), ...paragraphs([model.method ? `${methodName(model.method)}.` : '', protocol.methodRationale ?? ''].filter(Boolean).join(' ')));
  }
  out.push(...searchPart(protocol), ...criteriaPart(protocol), ...selectionPart(model, protocol), ...appraisalPart(protocol));
  if (protocol.extraction) out.push(heading(3, text('Data extraction')), ...paragraphs(protocol.extraction));
  return out;
}

function searchPart(protocol: Protocol): RootContent[] {
  const search = protocol.search;
  if (!search) return [];
  const out: RootContent[] = [heading(3, text('Search'))];
  if (search.approach) out.push(...paragraphs(search.approach));
  if (search.sources.length > 0) out.push(table(['Source', 'Coverage'], search.sources.map((source) => [source.name, source.dates ?? ''])));
  if (search.lastSearched) out.push(paragraph(strong('Last searched:'), text(` ${search.lastSearched}`)));
  if (search.strategy) out.push(paragraph(strong('Search strategy:'), text(' '), ...prose(search.strategy)));
  if (search.limits) out.push(paragraph(strong('Limits:'), text(` ${search.limits}`)));
  return out;
}

function criteriaPart(protocol: Protocol): RootContent[] {
  if (protocol.inclusion.length === 0 && protocol.exclusion.length === 0) return [];
  const out: RootContent[] = [heading(3, text('Eligibility criteria'))];
  if (protocol.inclusion.length > 0) out.push(paragraph(strong('Inclusion:')), bulletList(protocol.inclusion.map((criterion) => prose(criterion))));
  if (protocol.exclusion.length > 0) out.push(paragraph(strong('Exclusion:')), bulletList(protocol.exclusion.map((criterion) => prose(criterion))));
  return out;
}

function selectionPart(model: ReportModel, protocol: Protocol): RootContent[] {
  const figure = model.figures.findIndex((candidate) => candidate.id === 'prisma-flow');
  if (!protocol.screening && figure < 0) return [];
  const out: RootContent[] = [heading(3, text('Selection of studies'))];
  if (protocol.screening) out.push(...paragraphs(protocol.screening));
  if (figure >= 0) out.push(...figureBlocks(model.figures[figure], figure + 1));
  return out;
}

function appraisalPart(protocol: Protocol): RootContent[] {
  const appraisal = protocol.appraisal;
  if (!appraisal) return [];
  const out: RootContent[] = [heading(3, text('Quality appraisal'))];
  if (appraisal.rationale) out.push(...paragraphs(appraisal.rationale));
  if (appraisal.appraisers.length > 0) out.push(paragraph(strong('Appraisers:'), text(` ${appraisal.appraisers.join(', ')}`)));
  if (appraisal.process) out.push(...paragraphs(appraisal.process));
  if (appraisal.use) out.push(...paragraphs(appraisal.use));
  return out;
}

/** Text with blank lines as paragraphs. */
function paragraphs(value: string): RootContent[] {
  return value.split(/\n\s*\n/).map((part) => paragraph(...prose(part.trim())));
}
