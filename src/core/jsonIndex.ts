/**
 * The JSON index (`qualsynth index --json`): a documented, versioned schema that other
 * tools (R, pandas, CI scripts) can rely on. Lines and columns are 1-based here.
 * Version 1 — see the README's "JSON index" section for every field.
 */
import type { AttributeValue, CerqualComponent, Problem, Segment, TextPosition, Theme } from './model';
import { jsonTranslation, type JsonTranslation } from './jsonTranslation';
import type { Memo } from './memo/memo';
import type { Review } from './review';
import { escapeForLog, logPath } from './text/logSafe';

/** The schema version; bumped on any incompatible change. */
export const JSON_INDEX_VERSION = 1;

/** A 1-based position. */
export interface JsonPosition {
  line: number;
  column: number;
}

/** The whole JSON index document. */
export interface JsonIndex {
  version: number;
  studies: Array<{ id: string; path: string; attributes: Record<string, AttributeValue> }>;
  codes: Array<{ name: string; definition: string; themes: string[][]; segments: number; studies: number }>;
  segments: Array<{ study: string; path: string; codes: string[]; kind: 'span' | 'block'; order: 'first' | 'second'; start: JsonPosition; end: JsonPosition; text: string; attributes?: Record<string, string> }>;
  themes: Array<{ path: string[]; codes: string[]; kind?: string; finding?: string; contrary?: string[]; cerqual?: JsonCerqual }>;
  problems: Array<{ path: string; line: number; column: number; severity: Problem['severity']; kind: string; message: string }>;
  /** Memo files (added in version 1 without breaking it: readers that ignore the key are unaffected). */
  memos: JsonMemo[];
  /** The meta-ethnography translation, for `method: meta-ethnography` only (added in version 1 without breaking it: an optional key). */
  translation?: JsonTranslation;
}

/** A memo file in the JSON index. */
export interface JsonMemo {
  path: string;
  title: string;
  author?: string;
  date?: string;
  about: { codes: string[]; themes: string[][]; studies: string[]; review: boolean };
  /** Codes its body references as `#tag` (references, never segments). */
  references: string[];
  text: string;
}

/** A theme's GRADE-CERQual judgement in the JSON index. */
export interface JsonCerqual {
  confidence?: string;
  explanation: string;
  components: Array<{ component: CerqualComponent; concern?: string; explanation: string }>;
  basis?: { studies: string[]; segments: number; fingerprint: string };
}

/** 0-based core position → 1-based JSON position. */
export function oneBased(position: TextPosition): JsonPosition {
  return { line: position.line + 1, column: position.column + 1 };
}

/** Builds the JSON index of a loaded review. */
export function toJsonIndex(review: Review): JsonIndex {
  const index = review.index;
  const studyIds = new Map(index.studies().map((study) => [study.path, study.id]));
  const segments = index.segments();
  const translation = jsonTranslation(review, segments);
  const segment = (item: Segment): JsonIndex['segments'][number] => ({
    study: studyIds.get(item.path) ?? '',
    path: item.path,
    codes: [...item.codes],
    kind: item.kind,
    order: item.order,
    start: oneBased(item.range.startPosition),
    end: oneBased(item.range.endPosition),
    text: item.text,
    ...(Object.keys(item.attributes).length > 0 ? { attributes: { ...item.attributes } } : {}),
  });
  return {
    version: JSON_INDEX_VERSION,
    studies: index.studies().map((study) => ({ id: study.id, path: study.path, attributes: { ...study.attributes } })),
    codes: index.codes().map((code) => ({ name: code.name, definition: code.definition, themes: code.themes.map((path) => [...path]), segments: code.segmentCount, studies: code.studyCount })),
    segments: segments.map(segment),
    themes: index.allThemes().map(jsonTheme),
    problems: index.problems().map((problem) => ({ path: problem.path, ...oneBased(problem.range.startPosition), severity: problem.severity, kind: problem.kind, message: problem.message })),
    memos: index.memos().map(jsonMemo),
    ...(translation ? { translation } : {}),
  };
}

function jsonMemo(memo: Memo): JsonMemo {
  const { about } = memo;
  return {
    path: memo.path,
    title: memo.title,
    ...(memo.author ? { author: memo.author } : {}),
    ...(memo.date ? { date: memo.date } : {}),
    about: { codes: about.codes.map((target) => target.value), themes: about.themes.map((target) => [...target.value]), studies: about.studies.map((target) => target.value), review: about.review },
    references: [...new Set(memo.tags.map((tag) => tag.code))],
    text: memo.body,
  };
}

function jsonTheme(theme: Theme): JsonIndex['themes'][number] {
  const json: JsonIndex['themes'][number] = { path: [...theme.path], codes: [...theme.codes], ...(theme.kind ? { kind: theme.kind } : {}) };
  if (theme.finding) json.finding = theme.finding.text;
  if (theme.contrary.length > 0) json.contrary = theme.contrary.map((tag) => tag.code);
  const judgement = theme.cerqual;
  if (judgement) {
    json.cerqual = {
      ...(judgement.confidence ? { confidence: judgement.confidence } : {}),
      explanation: judgement.explanation,
      components: judgement.components.map(({ component, concern, explanation }) => ({ component, ...(concern ? { concern } : {}), explanation })),
      ...(judgement.basis ? { basis: { studies: [...judgement.basis.studies], segments: judgement.basis.segments, fingerprint: judgement.basis.fingerprint } } : {}),
    };
  }
  return json;
}

/** `path:line:column: severity: message`, the format of compilers and linters. */
export function formatProblem(problem: Problem): string {
  const { line, column } = oneBased(problem.range.startPosition);
  return `${logPath(problem.path)}:${line}:${column}: ${problem.severity}: ${escapeForLog(problem.message)}`;
}
