/**
 * Generates a whole synthetic review, deterministic for a seed: `qualsynth.yaml`, a
 * codebook of themes (headings of depth 1–3, `- #code: definition` items, a few
 * `CERQual:` paragraphs) and `studies/*.md`. Used by the benchmark and by the
 * differential tests of the tag scanner.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import * as nodePath from 'node:path';
import { Random } from './random';
import { generateStudy } from './studyGenerator';
import { MODIFIERS, NOUNS, authorSentence } from './vocabulary';

/** The shape of a generated review. */
export interface ReviewOptions {
  readonly studies: number;
  /** Approximate size of each study in KB (1,024 bytes). */
  readonly sizeKB: number;
  /** Number of codes defined in the codebook. */
  readonly codes: number;
  readonly seed: number;
}

export const DEFAULT_REVIEW: ReviewOptions = { studies: 1000, sizeKB: 31, codes: 100, seed: 1 };

const STEMS = ['staff', 'pay', 'role', 'recovery', 'network', 'stigma', 'hope', 'team', 'training', 'disclosure', 'trust', 'wellness', 'boundary', 'career', 'identity'];
const LEAVES = ['prejudice', 'ambiguity', 'low', 'limited-hours', 'support', 'conflict', 'growth', 'loss', 'tokenism', 'respect', 'isolation', 'purpose', 'strain', 'value', 'bien-être', 'naïveté'];

/** `count` distinct code names; some hierarchical (`pay/low`), some not ASCII. */
export function generateCodeNames(random: Random, count: number): string[] {
  const names = new Set<string>();
  for (let attempt = 0; names.size < count; attempt++) {
    const stem = random.pick(STEMS);
    const leaf = random.pick(LEAVES);
    const name = random.chance(0.2) ? `${stem}/${leaf}` : `${stem}-${leaf}`;
    names.add(attempt > count * 20 ? `${name}-${attempt}` : name);
  }
  return [...names];
}

/** The files of a review, by review-relative path. */
export function generateReview(options: ReviewOptions): Map<string, string> {
  const random = new Random(options.seed);
  const codes = generateCodeNames(random.fork(1), options.codes);
  // As in real reviews, a few codes are used but defined nowhere (uncategorised) and
  // the codebook's last three are defined but never used (unused).
  const undefinedCodes = ['emerging-idea', 'check-with-team', 'sonstiges'];
  const used = [...codes.slice(0, Math.max(1, codes.length - 3)), ...undefinedCodes];
  const files = new Map<string, string>();
  files.set('qualsynth.yaml', projectFile(options));
  files.set('codebook.md', generateCodebook(random.fork(2), codes));
  const width = String(options.studies).length;
  for (let i = 0; i < options.studies; i++) {
    const text = generateStudy(random.fork(1000 + i), { index: i + 1, size: options.sizeKB * 1024, codes: used });
    files.set(`studies/study-${String(i + 1).padStart(width, '0')}.md`, text);
  }
  return files;
}

function projectFile(options: ReviewOptions): string {
  return [
    `title: Synthetic review (${options.studies} studies, seed ${options.seed})`,
    'question: How do peer support workers experience their role in adult mental health services?',
    'method: thematic-synthesis',
    'reviewers: [JB, MW]',
    'studyColumns: [citation, year, country, design, perspective, participants]',
    '',
  ].join('\n');
}

/** A codebook filing the codes under analytical, descriptive and sub-themes. */
export function generateCodebook(random: Random, codes: readonly string[]): string {
  const lines = ['---', 'title: Synthetic review — codebook', '---', ''];
  let next = 0;
  let themeNumber = 0;
  while (next < codes.length) {
    const depth = themeNumber === 0 ? 1 : random.pick([1, 2, 2, 3, 3]);
    themeNumber++;
    lines.push(`${'#'.repeat(depth)} ${themeTitle(random, themeNumber)}`, '');
    if (random.chance(0.6)) lines.push(authorSentence(random, 12, 30).join(' '), '');
    if (random.chance(0.3)) lines.push(`CERQual: ${random.pick(['high', 'moderate', 'low', 'very low'])} — ${authorSentence(random, 8, 16).join(' ')}`, '');
    const count = Math.min(codes.length - next, random.int(2, 7));
    for (let i = 0; i < count; i++, next++) lines.push(`- #${codes[next]}: ${authorSentence(random, 6, 18).join(' ')}`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

function themeTitle(random: Random, number: number): string {
  const title = `${random.pick(NOUNS)} ${random.pick(MODIFIERS)}`;
  return `${number}. ${title.charAt(0).toUpperCase()}${title.slice(1)}`;
}

/** Writes the files of a review under `dir` (created if needed); returns total bytes. */
export async function writeReview(dir: string, files: ReadonlyMap<string, string>): Promise<number> {
  let bytes = 0;
  await mkdir(nodePath.join(dir, 'studies'), { recursive: true });
  await Promise.all(
    [...files].map(([path, text]) => {
      bytes += Buffer.byteLength(text);
      return writeFile(nodePath.join(dir, ...path.split('/')), text);
    }),
  );
  return bytes;
}
