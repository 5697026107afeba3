/** The CommonMark spec's examples, as the npm package `commonmark-spec` exports them. */
declare module 'commonmark-spec' {
  /** The spec's Markdown source. */
  export const text: string;
  /** Its examples, numbered from 1 (tabs shown as `→`). */
  export const tests: ReadonlyArray<{ markdown: string; html: string; section: string; number: number }>;
}
