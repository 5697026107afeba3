import * as vscode from 'vscode';
import { defaultMemoTitle, memoFilePath, type NewMemoSubject, newMemoText, type Review, tagAt } from '../../core';
import { toUri } from '../convert';
import { registerReviewCommand } from '../reviewCommand';
import type { ReviewSession } from '../reviewSession';
import { requireTrust } from '../trust';

/**
 * "New Memo…": from a theme, code or study in the views, from a selection (a memo about
 * the passage: its study, its codes, a quote linked to the line) or a tag in a study, or
 * else from a pick. Asks for a title, then creates `memos/<title>.md` as one undoable
 * edit, left unsaved in an editor with the cursor where the memo's text goes.
 */
export function registerNewMemo(session: ReviewSession): vscode.Disposable {
  // `givenTitle` skips the title box: for callers that already have one (and runners without a keyboard).
  return registerReviewCommand(session, 'qualsynth.newMemo', async (review, root, argument, givenTitle) => {
    if (!requireTrust(vscode.l10n.t('New Memo'))) return false;
    const subject = subjectOfArgument(argument) ?? (await subjectAtCursor(session)) ?? (await pickSubject(review));
    if (!subject) return false;
    const title = typeof givenTitle === 'string' ? givenTitle : await vscode.window.showInputBox({ prompt: vscode.l10n.t('Title of the new memo'), value: defaultMemoTitle(subject), validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Give the memo a title.')) });
    if (!title?.trim()) return false;
    const exists = new Set(vscode.workspace.textDocuments.map((document) => document.uri.toString()));
    const taken = (path: string): boolean => review.index.getMemo(path) !== undefined || exists.has(toUri(root, path).toString());
    const path = await untakenPath(root, memoFilePath(review.config.memos, title.trim(), taken), review.config.memos, title.trim(), taken);
    const author = vscode.workspace.getConfiguration('qualsynth').get<string>('memoAuthor')?.trim();
    const text = newMemoText({ subject, title: title.trim(), author: author || undefined, date: today(), memoFolder: review.config.memos });
    const uri = toUri(root, path);
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: false });
    edit.insert(uri, new vscode.Position(0, 0), text);
    if (!(await vscode.workspace.applyEdit(edit))) return false;
    const editor = await vscode.window.showTextDocument(uri);
    const end = editor.document.positionAt(text.length);
    editor.selection = new vscode.Selection(end, end);
    return path;
  });
}

/** The subject of a view item (theme, code or study) or a code name given to the command. */
function subjectOfArgument(argument: unknown): NewMemoSubject | undefined {
  if (typeof argument === 'string') return { kind: 'code', code: argument.replace(/^#/, '') };
  if (!argument || typeof argument !== 'object') return undefined;
  const item = argument as { kind?: unknown; theme?: { path: readonly string[] }; code?: unknown; study?: { id: string } };
  if (item.kind === 'theme' && item.theme) return { kind: 'theme', path: item.theme.path };
  if (item.kind === 'code' && typeof item.code === 'string') return { kind: 'code', code: item.code };
  if (item.kind === 'study' && item.study) return { kind: 'study', id: item.study.id };
  return undefined;
}

/** A selection in a study is a passage; the cursor on a tag, that code. */
async function subjectAtCursor(session: ReviewSession): Promise<NewMemoSubject | undefined> {
  const editor = vscode.window.activeTextEditor;
  const current = editor && (await session.studyOf(editor.document));
  if (!editor || !current) return undefined;
  const { selection, document } = editor;
  if (!selection.isEmpty) {
    const start = document.offsetAt(selection.start);
    const end = document.offsetAt(selection.end);
    const codes = [...new Set(current.study.segments.filter((segment) => segment.range.start < end && start < segment.range.end).flatMap((segment) => segment.codes))];
    return { kind: 'passage', id: current.study.id, path: current.path, line: selection.start.line + 1, text: document.getText(selection), codes };
  }
  const tag = tagAt(current.study, document.offsetAt(selection.active));
  return tag ? { kind: 'code', code: tag.code } : { kind: 'study', id: current.study.id };
}

/** Asks what the memo is about: the review, a theme, a code or a study. */
async function pickSubject(review: Review): Promise<NewMemoSubject | undefined> {
  type Pick = vscode.QuickPickItem & { subject?: NewMemoSubject };
  const separator = (label: string): Pick => ({ label, kind: vscode.QuickPickItemKind.Separator });
  const items: Pick[] = [
    { label: vscode.l10n.t('The review as a whole (line of argument, synthesis)'), subject: { kind: 'review' } },
    separator(vscode.l10n.t('Themes')),
    ...review.index.allThemes().map((theme): Pick => ({ label: theme.path.join(' › '), subject: { kind: 'theme', path: theme.path } })),
    separator(vscode.l10n.t('Codes')),
    ...review.index.codes().map((code): Pick => ({ label: `#${code.name}`, description: code.definition, subject: { kind: 'code', code: code.name } })),
    separator(vscode.l10n.t('Studies')),
    ...review.index.studies().map((study): Pick => ({ label: study.id, description: study.title, subject: { kind: 'study', id: study.id } })),
  ];
  return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('What is the memo about?'), matchOnDescription: true }))?.subject;
}

/** The first free path, also against files on disk the index does not know (a memo outside the folder's glob, a closed file). */
async function untakenPath(root: vscode.Uri, first: string, folder: string, title: string, taken: (path: string) => boolean): Promise<string> {
  const onDisk = new Set<string>();
  let path = first;
  while (await exists(toUri(root, path))) {
    onDisk.add(path);
    path = memoFilePath(folder, title, (candidate) => taken(candidate) || onDisk.has(candidate));
  }
  return path;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

/** Today as `YYYY-MM-DD`, in local time (the date the reviewer sees). */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}
