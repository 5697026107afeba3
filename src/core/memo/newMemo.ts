/**
 * The text and file name of a new memo ("New Memo…"): front matter saying what it is
 * about, then, for a memo about a passage, the passage quoted with a link to its study
 * and line. Strings are written as JSON strings, which YAML reads back as they were.
 */
import { fileLink, linkBaseOf } from '../report/excerpts';

/** What a new memo is about. */
export type NewMemoSubject =
  | { readonly kind: 'review' }
  | { readonly kind: 'code'; readonly code: string }
  | { readonly kind: 'theme'; readonly path: readonly string[] }
  | { readonly kind: 'study'; readonly id: string }
  | { readonly kind: 'passage'; readonly id: string; readonly path: string; readonly line: number; readonly text: string; readonly codes: readonly string[] };

/** Everything the new memo's text is made from. */
export interface NewMemo {
  readonly subject: NewMemoSubject;
  readonly title: string;
  readonly author?: string;
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** The review's memo folder, for links from the memo to a study. */
  readonly memoFolder: string;
}

/** The memo file's text; the body is left for the reviewer to write (it ends with an empty line). */
export function newMemoText(memo: NewMemo): string {
  const quote = (value: string): string => JSON.stringify(value);
  const lines = ['---', `title: ${quote(memo.title)}`];
  if (memo.author) lines.push(`author: ${quote(memo.author)}`);
  lines.push(`date: ${memo.date}`, ...aboutLines(memo.subject, quote), '---', '');
  const subject = memo.subject;
  if (subject.kind === 'passage') {
    const link = `${fileLink(linkBaseOf(memo.memoFolder), subject.path)}#L${subject.line}`;
    lines.push(`> ${subject.text.replace(/\s+/g, ' ').trim()}`, '', `([${subject.path}:${subject.line}](${link}))`, '', '');
  } else lines.push('');
  return lines.join('\n');
}

function aboutLines(subject: NewMemoSubject, quote: (value: string) => string): string[] {
  switch (subject.kind) {
    case 'review':
      return ['about: review'];
    case 'code':
      return ['about:', `  codes: [${quote(subject.code)}]`];
    case 'theme':
      return ['about:', `  themes: [[${subject.path.map(quote).join(', ')}]]`];
    case 'study':
      return ['about:', `  studies: [${quote(subject.id)}]`];
    case 'passage':
      return ['about:', `  studies: [${quote(subject.id)}]`, ...(subject.codes.length > 0 ? [`  codes: [${subject.codes.map(quote).join(', ')}]`] : [])];
  }
}

/** A default title for a memo about `subject`. */
export function defaultMemoTitle(subject: NewMemoSubject): string {
  switch (subject.kind) {
    case 'review':
      return 'Line of argument';
    case 'code':
      return `Memo on #${subject.code}`;
    case 'theme':
      return `Memo on ${subject.path[subject.path.length - 1]}`;
    case 'study':
      return `Memo on ${subject.id}`;
    case 'passage':
      return `Memo on ${subject.id}, line ${subject.line}`;
  }
}

/** `memos/pay-as-recognition.md`, with `-2`, `-3` … when the name is taken. */
export function memoFilePath(memoFolder: string, title: string, taken: (path: string) => boolean): string {
  const slug =
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'memo';
  for (let n = 1; ; n++) {
    const path = `${memoFolder}/${slug}${n === 1 ? '' : `-${n}`}.md`;
    if (!taken(path)) return path;
  }
}
