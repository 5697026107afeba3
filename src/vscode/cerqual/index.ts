import * as vscode from 'vscode';
import type { ReviewSession } from '../reviewSession';
import { FindingHoverProvider } from './findingHover';
import { registerRecordJudgement } from './recordJudgement';

/** Markdown files the codebook may be (the provider checks it is the review's codebook). */
const MARKDOWN: vscode.DocumentSelector = [{ language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'vscode-remote' }, { language: 'markdown', scheme: 'vscode-vfs' }];

/** Registers GRADE-CERQual in the editor: the hover on findings in the codebook and "Record CERQual Judgement…". */
export function registerCerqualFeatures(session: ReviewSession): vscode.Disposable[] {
  return [vscode.languages.registerHoverProvider(MARKDOWN, new FindingHoverProvider(session)), registerRecordJudgement(session)];
}
