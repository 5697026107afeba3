/**
 * Templates for a new review and a new study: every field the report uses, the CASP
 * block, and an example of each tag form, so a first-time user can start by editing.
 */
import { CASP_QUESTIONS } from '../report/reportModel';

/** A file to create, relative to the review folder. */
export interface NewFile {
  readonly path: string;
  readonly text: string;
}

/** The files of a new review: project file, codebook with example themes, one study. */
export function newReviewFiles(title = 'My qualitative evidence synthesis'): NewFile[] {
  return [
    {
      path: 'qualsynth.yaml',
      text: `# QualSynth project file: every key is optional.
title: ${JSON.stringify(title)}
question: "What are the experiences of … ?"
method: thematic-synthesis        # or meta-ethnography, framework
reviewers: [reviewer-1, reviewer-2]
studies: "studies/**/*.md"
codebook: codebook.md
reportDir: reports
studyColumns: [citation, year, country, design, perspective, participants]
`,
    },
    {
      path: 'codebook.md',
      text: `---
title: ${JSON.stringify(`${title} — codebook`)}
---
# Example analytical theme
Describe the theme here: what it means and how it was derived.

CERQual: moderate — explain the judgement (methodological limitations, coherence, adequacy, relevance).

## Example descriptive theme
- #example-code: What this code means; when to apply it and when not.
- #another-code: Definitions are what the report prints under each code.
`,
    },
    { path: 'studies/example-2020.md', text: newStudyText('example-2020', 'Example A, Sample B', 2020) },
  ];
}

/** The text of a new study file with the given id. */
export function newStudyText(id: string, authors = 'Surname A, Surname B', year: number | string = new Date().getFullYear()): string {
  const authorList = authors.split(/\s*,\s*/).filter(Boolean);
  return `---
id: ${id}
citation: "${authorList.join(', ')}. Title of the study. Journal. ${year}."
authors: [${authorList.join(', ')}]
year: ${year}
${studyDetailLines()}---

## Findings

> "Paste a participant quote here." (participant)
> #example-code

The authors interpret [a passage you code with a span tag]{#example-code #another-code}.
`;
}

/** The template's study fields after the bibliographic ones: characteristics and the CASP block. */
export function studyDetailLines(): string {
  const casp = CASP_QUESTIONS.map((question) => `  ${question}: cant-tell`).join('\n');
  return `country:
design: interviews
perspective: []
participants:
casp:                 # CASP qualitative checklist: yes | no | cant-tell
${casp}
`;
}

/** The template's sections for a study imported from references: no example tags, which would code. */
export const IMPORTED_STUDY_BODY = `## Findings

<!-- Paste the study's findings here: participants' quotations as > block quotes, the
     authors' interpretations as paragraphs. Then code them: [passage]{#code} or #code. -->
`;

/** Letters NFKD does not take apart, written the way library catalogues do. */
const TRANSLITERATION: Record<string, string> = { ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ß: 'ss', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ð: 'd', Ð: 'd', þ: 'th', Þ: 'th', ı: 'i' };

/** `Mowbray 2005` → `mowbray-2005`; made unique against `taken` with -b, -c, … */
export function studyIdFrom(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .replace(/[øØæÆœŒßłŁđĐðÐþÞı]/g, (letter) => TRANSLITERATION[letter])
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'study';
  const start = /^[a-z]/.test(base) ? base : `study-${base}`;
  if (!taken.has(start)) return start;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${start}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
