/**
 * Formats references with citeproc-js, the CSL processor of Zotero and Mendeley. The
 * bundled styles (APA 7th, NLM/Vancouver) and the en-US locale come from the npm package
 * `@citation-js/plugin-csl`; any other style is a `.csl` file of the review. Part of the
 * engines loaded only when a report needs them.
 */
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import CSL from 'citeproc';
import type { CslItem } from './cslItem';
import type { FormattedReferences, ReferenceFormatter } from './references';
import { runsFromHtml } from './richText';

interface CslConfig {
  styles: { get(name: string): string | undefined };
  locales: { get(name: string): string | undefined };
}

const config = (): CslConfig => plugins.config.get('@csl') as CslConfig;

/** The CSL XML of a bundled style. */
export function bundledStyle(name: string): string {
  const style = config().styles.get(name);
  if (!style) throw new Error(`no bundled citation style \`${name}\``);
  return style;
}

/** A formatter for a CSL style; throws an `Error` when the XML is not a CSL style. */
export function createFormatter(styleXml: string): ReferenceFormatter {
  if (!/<style\b[^>]*xmlns="http:\/\/purl\.org\/net\/xbiblio\/csl"/.test(styleXml)) throw new Error('not a CSL style (no <style xmlns="http://purl.org/net/xbiblio/csl"> element)');
  const title = /<info>[\s\S]*?<title>([^<]*)<\/title>/.exec(styleXml)?.[1]?.trim() ?? 'CSL style';
  const numeric = /<category\s+citation-format="numeric"/.test(styleXml);
  return (items) => format(styleXml, items, title, numeric);
}

function format(styleXml: string, items: readonly CslItem[], style: string, numeric: boolean): FormattedReferences {
  const byId = new Map(items.map((item) => [item.id, item]));
  const locale = (lang: string): string => config().locales.get(lang) ?? config().locales.get('en-US')!;
  const engine = new CSL.Engine({ retrieveLocale: locale, retrieveItem: (id) => byId.get(id) }, styleXml, 'en-US', true);
  engine.opt.development_extensions.wrap_url_and_doi = false;
  // Registering every item first lets the style disambiguate (2005a, 2005b) and number them in this order.
  engine.updateItems(items.map((item) => item.id));
  engine.setOutputFormat('text');
  const citations = new Map(items.map((item) => [item.id, engine.makeCitationCluster([{ id: item.id }]).trim()]));
  engine.setOutputFormat('html');
  const bibliography = engine.makeBibliography();
  const entries = bibliography ? bibliography[1].map((html, index) => ({ id: bibliography[0].entry_ids[index][0], runs: runsFromHtml(html) })) : [];
  return { style, numeric, citations, entries };
}
