/**
 * Writes an imported study: YAML front matter, then the source's text, escaped so none
 * of it reads as tag syntax, with placed spans as `[…]{#tag coder="…" memo="…"}` and
 * whole-block codings as bare tags at the block's end. A check reads the written file
 * back and confirms its plain text and coded passages are the ones imported.
 */
import type { AttributeValue } from '../model';
import type { EscapedText } from './markdownEscapes';
import { studyPlainText } from './plainText';
import type { PlacedSpan } from './spanPlacement';
import { toYaml } from './yamlWriter';

/**
 * Renders a study and reads it back; if block tags changed how the text reads (a bare
 * tag after a lone `*` turns the line into a list item), renders spans only instead.
 * Returns the problems that remain (none, unless something is badly wrong).
 */
export function renderVerifiedStudy(frontMatter: Readonly<Record<string, AttributeValue>>, plain: string, escaped: EscapedText, spans: readonly PlacedSpan[]): { content: string; problems: string[] } {
  const content = renderStudy(frontMatter, escaped, spans);
  const problems = verifyStudy(content, plain, spans);
  if (problems.length === 0 || !spans.some((span) => span.block)) return { content, problems };
  const spansOnly = spans.map((span) => ({ ...span, block: false }));
  const fallback = renderStudy(frontMatter, escaped, spansOnly);
  return { content: fallback, problems: verifyStudy(fallback, plain, spansOnly) };
}

/** Renders a study file from its front matter, escaped text and placed spans. */
export function renderStudy(frontMatter: Readonly<Record<string, AttributeValue>>, escaped: EscapedText, spans: readonly PlacedSpan[]): string {
  return `---\n${toYaml(frontMatter)}---\n\n${renderBody(escaped, spans)}`;
}

function renderBody(escaped: EscapedText, spans: readonly PlacedSpan[]): string {
  const text = escaped.text;
  let out = '';
  let cursor = 0;
  const stack: PlacedSpan[] = [];
  const moveTo = (plainOffset: number): void => {
    const target = escaped.toEscaped(plainOffset);
    out += text.slice(cursor, target);
    cursor = target;
  };
  const close = (span: PlacedSpan): void => {
    moveTo(span.end);
    out += span.block ? ` ${span.tags.map((tag) => `#${tag}`).join(' ')}` : `]{${braceBody(span)}}`;
  };
  for (const span of spans) {
    while (stack.length > 0 && stack[stack.length - 1].end <= span.start) close(stack.pop()!);
    moveTo(span.start);
    if (!span.block) out += '[';
    stack.push(span);
  }
  while (stack.length > 0) close(stack.pop()!);
  return out + text.slice(cursor);
}

function braceBody(span: PlacedSpan): string {
  const parts = span.tags.map((tag) => `#${tag}`);
  if (span.coder) parts.push(`coder="${attributeValue(span.coder)}"`);
  if (span.memo) parts.push(`memo="${attributeValue(span.memo)}"`);
  return parts.join(' ');
}

/**
 * A value for `key="…"` in span braces: one line, `\` and `"` escaped, and braces
 * (a `}` would end the span's braces whatever the quoting) turned into parentheses.
 */
export function attributeValue(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(/[\\"]/g, (char) => `\\${char}`).replace(/\{/g, '(').replace(/\}/g, ')');
}

/**
 * Reads a written study back: returns the problems (none when its plain text equals
 * `plain` and its coded passages are exactly `spans`).
 */
export function verifyStudy(content: string, plain: string, spans: readonly PlacedSpan[]): string[] {
  const readBack = studyPlainText(content);
  if (readBack.text !== plain) return ['its text does not read back as the imported text'];
  const expected = codesByRange(spans.map((span) => [span.start, span.end, span.tags]));
  const actual = codesByRange(readBack.segments.map((segment) => [...readBack.plainRange(segment), segment.codes]));
  const problems: string[] = [];
  for (const [range, codes] of expected) if (actual.get(range) !== codes) problems.push(`passage ${range} should carry ${codes} but carries ${actual.get(range) ?? 'nothing'}`);
  for (const [range, codes] of actual) if (!expected.has(range)) problems.push(`passage ${range} carries ${codes} unexpectedly`);
  return problems;
}

function codesByRange(entries: ReadonlyArray<readonly [number, number, readonly string[]]>): Map<string, string> {
  const byRange = new Map<string, Set<string>>();
  for (const [start, end, codes] of entries) {
    const key = `${start}-${end}`;
    const set = byRange.get(key) ?? new Set<string>();
    codes.forEach((code) => set.add(code));
    byRange.set(key, set);
  }
  return new Map([...byRange].map(([key, set]) => [key, [...set].sort().map((code) => `#${code}`).join(' ')]));
}
