/**
 * Parses one study file into a `Study`: front matter for its metadata, the tag scanner
 * for its segments, and the problems found in the file alone.
 */
import { readFrontMatter } from './frontMatter';
import type { AttributeValue, Problem, ProblemKind, Segment, Severity, Study } from './model';
import { studySegments } from './segment';
import { scanTags } from './syntax/scanTags';
import { LineIndex, type LineTag } from './text/lineIndex';

const conflictMarker = /^(?:<{7}|={7}|>{7})(?: |$)/m;

/** Parses a study's text (BOM removed); never throws. */
export function parseStudy(path: string, text: string): Study {
  const frontMatter = readFrontMatter(text);
  const lines = new LineIndex(text);
  const problems: Problem[] = [];
  const problem = (start: number, end: number, severity: Severity, kind: ProblemKind, message: string): void => {
    problems.push({ path, range: lines.span(start, end), severity, kind, message });
  };

  if (frontMatter.error) {
    const { line, column, message } = frontMatter.error;
    const offset = lines.offsetAt({ line, column });
    problem(offset, Math.max(offset, lines.lineEnd(line)), 'error', 'invalid-front-matter', message);
  }
  reportConflictMarkers(text, frontMatter.bodyStart, problem);

  // Each tag is made once, as the index keeps it, and shared by the study's list and its segment's.
  const makeTag = (code: string, start: number, end: number): LineTag => lines.tag(code, start, end);
  const scanned = scanTags(text, frontMatter.bodyStart, makeTag);
  for (const error of scanned.errors) problem(error.start, error.end, 'error', 'malformed-span', error.message);
  const segments: Segment[] = studySegments(path, text, scanned, lines.positions);

  const data = frontMatter.data;
  return {
    id: stringValue(data.id) ?? fileStem(path),
    path,
    title: stringValue(data.title),
    citation: stringValue(data.citation),
    authors: listOfStrings(data.authors),
    year: yearValue(data.year),
    casp: caspValue(data.casp),
    attributes: data,
    segments,
    tags: scanned.tags,
    problems,
    lineCount: lines.lineCount,
    idRange: idLineRange(text, frontMatter.bodyStart, lines),
  };
}

/** Reports git conflict markers, which mean a merge was left half done (in a study or the codebook). */
export function reportConflictMarkers(
  text: string,
  bodyStart: number,
  problem: (start: number, end: number, severity: Severity, kind: ProblemKind, message: string) => void,
): void {
  if (text.indexOf('<<<<<<<') === -1) return;
  const pattern = new RegExp(conflictMarker.source, 'gm');
  pattern.lastIndex = bodyStart;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    problem(match.index, match.index + 7, 'error', 'merge-conflict', 'Git conflict marker: this file has an unresolved merge; keep the right lines and delete the markers.');
  }
}

/** The range of the front matter's `id:` line, or an empty range at the file start. */
function idLineRange(text: string, bodyStart: number, lines: LineIndex): Study['idRange'] {
  const match = /^id[ \t]*:.*$/m.exec(text.slice(0, bodyStart));
  return match ? lines.span(match.index, match.index + match[0].replace(/\r$/, '').length) : lines.span(0, 0);
}

/** The file name without folders and `.md`. */
export function fileStem(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.replace(/\.(md|markdown)$/i, '');
}

function stringValue(value: AttributeValue | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function listOfStrings(value: AttributeValue | undefined): string[] {
  if (Array.isArray(value)) return value.map((item) => stringValue(item)).filter((item): item is string => item !== undefined);
  const single = stringValue(value);
  return single ? single.split(/\s*;\s*/) : [];
}

function yearValue(value: AttributeValue | undefined): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number.parseInt(value, 10) : Number.NaN;
  return Number.isInteger(number) ? number : undefined;
}

function caspValue(value: AttributeValue | undefined): Record<string, string> | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const answers: Record<string, string> = {};
  for (const [question, answer] of Object.entries(value)) {
    answers[question] = typeof answer === 'boolean' ? (answer ? 'yes' : 'no') : String(answer);
  }
  return answers;
}
