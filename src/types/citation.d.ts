// The parts of citation-js and citeproc-js that QualSynth uses; neither ships types.

declare module '@citation-js/core' {
  export const plugins: {
    input: { chain(data: unknown, options?: { forceType?: string; generateGraph?: boolean }): unknown[] };
    config: { get(name: string): unknown };
  };
  export const logger: { level: string };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';

declare module 'citeproc' {
  interface CitationEngine {
    setOutputFormat(format: 'html' | 'text' | 'rtf'): void;
    updateItems(ids: readonly string[]): void;
    makeCitationCluster(items: ReadonlyArray<{ id: string }>): string;
    makeBibliography(): [{ entry_ids: string[][]; bibliography_errors: unknown[] }, string[]] | false;
    opt: { development_extensions: Record<string, boolean> };
  }
  const CSL: {
    Engine: new (sys: { retrieveLocale(lang: string): string; retrieveItem(id: string): unknown }, style: string, lang?: string, forceLang?: boolean) => CitationEngine;
  };
  export default CSL;
}
