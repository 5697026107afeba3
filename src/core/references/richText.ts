/**
 * Formatted reference text as runs (italic, bold, small capitals, superscript …), read
 * from the small HTML subset citeproc-js writes (`<i>`, `<b>`, `<sup>`, `<sub>`,
 * `<span style="font-variant:small-caps;">`, `csl-*` divs, character references), so
 * each report format can style a reference its own way: mdast emphasis, Word runs.
 * Web addresses and DOIs become links.
 */

/** A piece of formatted text. */
export interface RichRun {
  readonly text: string;
  readonly italic?: boolean;
  readonly bold?: boolean;
  readonly smallCaps?: boolean;
  readonly superscript?: boolean;
  readonly subscript?: boolean;
  /** Set on the run that is a web address or DOI link. */
  readonly link?: string;
}

type Style = Omit<RichRun, 'text' | 'link'>;

const STYLE_OF_TAG: Record<string, Style> = { i: { italic: true }, em: { italic: true }, b: { bold: true }, strong: { bold: true }, sup: { superscript: true }, sub: { subscript: true } };

/** Runs of a citeproc HTML entry; unknown tags are dropped, their text kept. */
export function runsFromHtml(html: string): RichRun[] {
  const runs: RichRun[] = [];
  const stack: Style[] = [{}];
  const pattern = /<(\/?)([a-z]+)([^>]*)>|([^<]+)/gi;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    const [, closing, tag, attributes, content] = match;
    if (content !== undefined) {
      const text = decodeEntities(content.replace(/\s*\n\s*/g, ' '));
      if (text) pushText(runs, text, stack[stack.length - 1]);
    } else if (closing) {
      if (stack.length > 1) stack.pop();
    } else {
      const current = stack[stack.length - 1];
      const name = tag.toLowerCase();
      const extra = STYLE_OF_TAG[name] ?? (/small-caps/.test(attributes) ? { smallCaps: true } : /font-style:\s*normal/.test(attributes) ? { italic: false } : {});
      if (name === 'div' && /csl-right-inline|csl-indent/.test(attributes) && runs.length > 0) pushText(runs, ' ', current);
      if (name !== 'br') stack.push({ ...current, ...extra });
    }
  }
  return trimRuns(runs);
}

/** The plain text of runs. */
export function plainText(runs: readonly RichRun[]): string {
  return runs.map((run) => run.text).join('');
}

/** Appends text, splitting web addresses and DOIs into link runs, merging with a like-styled run. */
function pushText(runs: RichRun[], text: string, style: Style): void {
  const link = /https?:\/\/[^\s<>]+[^\s<>.,;:)]|\bdoi:10\.\d{4,9}\/[^\s<>]+[^\s<>.,;:)]/gi;
  let last = 0;
  for (let match = link.exec(text); match; match = link.exec(text)) {
    if (match.index > last) append(runs, { ...style, text: text.slice(last, match.index) });
    const href = match[0].toLowerCase().startsWith('doi:') ? `https://doi.org/${match[0].slice(4)}` : match[0];
    runs.push({ ...style, text: match[0], link: href });
    last = match.index + match[0].length;
  }
  if (last < text.length) append(runs, { ...style, text: text.slice(last) });
}

function append(runs: RichRun[], run: RichRun): void {
  const previous = runs[runs.length - 1];
  if (previous && !previous.link && sameStyle(previous, run)) runs[runs.length - 1] = { ...previous, text: previous.text + run.text };
  else runs.push(cleanRun(run));
}

function sameStyle(a: RichRun, b: RichRun): boolean {
  return !!a.italic === !!b.italic && !!a.bold === !!b.bold && !!a.smallCaps === !!b.smallCaps && !!a.superscript === !!b.superscript && !!a.subscript === !!b.subscript;
}

/** Only the styles that are on. */
function cleanRun(run: RichRun): RichRun {
  return Object.fromEntries(Object.entries(run).filter(([, value]) => value !== false && value !== undefined)) as unknown as RichRun;
}

function trimRuns(runs: RichRun[]): RichRun[] {
  const out = runs.map((run) => ({ ...run, text: run.text.replace(/\s+/g, ' ') }));
  while (out.length > 0 && !out[0].text.trim()) out.shift();
  while (out.length > 0 && !out[out.length - 1].text.trim()) out.pop();
  if (out.length > 0) {
    out[0] = { ...out[0], text: out[0].text.trimStart() };
    out[out.length - 1] = { ...out[out.length - 1], text: out[out.length - 1].text.trimEnd() };
  }
  return out.map(cleanRun);
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name.toLowerCase()] ?? whole;
  });
}
