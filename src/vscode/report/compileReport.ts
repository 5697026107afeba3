import * as vscode from 'vscode';
import { compileReport, type LoadEngines, MARKDOWN_FILE } from '../../core';
import { registerReviewCommand } from '../reviewCommand';
import type { ReviewSession } from '../reviewSession';
import { requireTrust } from '../trust';
import { toUri } from '../convert';
import { writeOutputs } from '../files/writeOutputs';
import { reportSettings } from './reportSettings';

/** Id of the command. */
export const COMPILE_REPORT_COMMAND = 'qualsynth.compileReport';

/**
 * `QualSynth: Compile Synthesis Report` writes the report files (formats, folder,
 * excerpt limit and filter from the settings) with a progress notification, then opens
 * the Markdown report. Returns the written URIs. Every file is written through
 * `workspace.fs`, so the same code serves the desktop and the browser.
 */
export function registerCompileReport(session: ReviewSession, loadEngines: LoadEngines): vscode.Disposable {
  return registerReviewCommand(session, COMPILE_REPORT_COMMAND, async (review, root): Promise<vscode.Uri[] | undefined> => {
    if (!requireTrust(vscode.l10n.t('Compiling the report'))) return undefined;
    const settings = reportSettings(review);
    const written = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('QualSynth: compiling the synthesis report of {0} studies…', review.index.studies().length) },
      async () => {
        const { files, problems } = await compileReport(review, settings.options, loadEngines);
        const outputs = Object.entries(files).map(([name, content]) => ({ uri: toUri(root, `${settings.folder}/${name}`), content }));
        await writeOutputs(review, root, outputs);
        const uris = outputs.map(({ uri }) => uri);
        if (problems.length > 0) void vscode.window.showWarningMessage(vscode.l10n.t('QualSynth: {0} problem(s) with the references: {1}', problems.length, `${problems[0].path}: ${problems[0].message}`));
        return uris;
      },
    );
    const markdown = written.find((uri) => uri.path.endsWith(`/${MARKDOWN_FILE}`));
    if (markdown) await vscode.window.showTextDocument(markdown, { preview: false });
    else void vscode.window.showInformationMessage(vscode.l10n.t('QualSynth: wrote {0} files to {1}.', written.length, settings.folder));
    return written;
  });
}
