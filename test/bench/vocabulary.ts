/**
 * Word lists for synthetic reviews: the register of a qualitative study of peer
 * support in mental health services, so generated text looks like the real thing
 * (sentence lengths, punctuation, quotations) to the scanner and to a reader.
 */
import type { Random } from './random';

export const SUBJECTS = [
  'Peer workers', 'Participants', 'Several respondents', 'Nonpeer staff', 'Team leaders', 'Recipients',
  'Most interviewees', 'The authors', 'Managers', 'Service users', 'Two participants', 'Clinicians',
];

export const VERBS = [
  'described', 'reported', 'recalled', 'emphasised', 'questioned', 'valued', 'resisted', 'negotiated',
  'struggled with', 'welcomed', 'linked', 'attributed', 'contrasted', 'explained', 'doubted',
];

export const NOUNS = [
  'team meetings', 'case discussions', 'their own recovery', 'the transition from patient to worker', 'low pay',
  'part-time hours', 'supervision', 'role boundaries', 'disclosure of diagnosis', 'collegial relationships',
  'social networks', 'hope', 'stigma', 'training', 'job descriptions', 'the hiring process', 'confidentiality',
  'burnout', 'wellness plans', 'trust', 'shared experience', 'organisational culture', 'tokenism', 'benefits rules',
];

export const MODIFIERS = [
  'in the first months', 'despite formal support', 'across both sites', 'when caseloads rose', 'with some ambivalence',
  'in contrast to clinical staff', 'over the study period', 'without clear guidance', 'as a matter of course',
  'after a crisis', 'in rural services', 'within multidisciplinary teams',
];

export const FILLER = [
  'the', 'a', 'of', 'and', 'to', 'in', 'that', 'their', 'with', 'was', 'were', 'for', 'not', 'often', 'also',
  'support', 'service', 'experience', 'staff', 'work', 'role', 'peer', 'recovery', 'colleagues', 'meaning',
  'boundaries', 'felt', 'described', 'difficult', 'valued', 'formal', 'informal', 'everyday', 'practice',
];

export const QUOTE_WORDS = [
  'I', 'you', 'they', 'me', 'still', 'see', 'like', 'a', 'client', 'talk', 'to', 'just', 'know', 'it', 'was',
  'the', 'first', 'job', 'where', 'my', 'story', 'counts', 'nobody', 'asked', 'meetings', 'pay', 'hours',
  'really', "didn't", 'feel', 'part', 'of', 'team', 'hope', 'back', 'again', 'when', 'we', 'sat', 'together',
];

export const SPEAKERS = ['peer worker', 'peer provider', 'nonpeer staff member', 'recipient', 'team leader', 'manager'];
export const COUNTRIES = ['USA', 'UK', 'Canada', 'Australia', 'New Zealand', 'Ireland', 'Sweden', 'Netherlands', 'Japan', 'Germany'];
export const DESIGNS = ['interviews', 'focus groups', 'ethnography', 'mixed methods', 'case study', 'interviews and observation'];
export const PERSPECTIVES = ['peer workers', 'nonpeer staff', 'recipients', 'managers'];
export const SURNAMES = [
  'Mowbray', 'Walker', 'Bryant', 'Castellano', 'Nakamura', 'Okafor', 'Lindqvist', 'Ferrante', 'Quayle', 'Hendry',
  'Rahman', 'Dunmore', 'Osei', 'Villiers', 'Tane', 'Garvey', 'Brennan', 'Müller', 'Núñez', 'Ó Briain', "O'Neill",
];
export const CASP_KEYS = ['aims', 'methodology', 'design', 'recruitment', 'data-collection', 'relationship', 'ethics', 'analysis', 'findings', 'value'];
export const CASP_ANSWERS = ['yes', 'yes', 'yes', 'no', 'cant-tell'];

/** Noise that must never be read as a tag, as inline Markdown tokens. */
export const INLINE_NOISE = [
  '`#not-a-tag`', '`grep "#include" notes.txt`', 'C#', 'F#', 'issue#3', 'item#12', '&#x27;', '&#39;', '&amp;',
  '<!-- #todo check transcript -->', '(see https://doi.org/10.1000/qhr.2009#sec3)', 'https://example.org/guide#section-2',
  '[protocol](http://example.org/protocol#appendix)', '[the appendix](https://osf.io/abc12/#files "Files #1")',
  '\\#escaped', '#1', 'no.#4', '<https://example.org/a#frag>', 'www.example.org/page#anchor', '[1]',
];

/** A sentence of `min`–`max` words of the authors' register, with a full stop. */
export function authorSentence(random: Random, min = 10, max = 26): string[] {
  const words = [random.pick(SUBJECTS), random.pick(VERBS), random.pick(NOUNS)];
  if (random.chance(0.5)) words.push(random.pick(MODIFIERS));
  const target = random.int(min, max);
  while (words.join(' ').split(' ').length < target) words.push(random.pick(FILLER));
  if (random.chance(0.3)) words.push(random.pick(NOUNS));
  return words.join(' ').split(' ').map((word, i, all) => (i === all.length - 1 ? `${word}${random.pick(['.', '.', '.', ';', '.'])}` : word));
}

/** A participant's quotation as words, ending with the closing quote mark. */
export function quoteWords(random: Random): string[] {
  const words: string[] = [];
  const target = random.int(12, 50);
  while (words.length < target) words.push(random.pick(QUOTE_WORDS));
  words[0] = `"${words[0].charAt(0).toUpperCase()}${words[0].slice(1)}`;
  words[words.length - 1] += '."';
  return words;
}
