/**
 * The runner's settings for the suites (QUALSYNTH_TEST_GREP, QUALSYNTH_KEYBOARD_BRIDGE …):
 * the environment in the Node extension host; in the web worker extension host, which has
 * no environment, the file the web runner writes beside the workspace copy.
 */
import * as vscode from 'vscode';

/** The file `runOffline.mjs --web` writes next to the workspace copy's folder. */
export const WEB_TEST_ENV_FILE = 'qualsynth-test-env.json';

let webEnv: Readonly<Record<string, string>> | undefined;

/** A setting of the runner, or `undefined` when it set none. */
export function testEnv(name: string): string | undefined {
  return typeof process === 'undefined' ? webEnv?.[name] : process.env[name];
}

/** Reads the web runner's settings; call once before the suites load. */
export async function loadWebTestEnv(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the runner opened no workspace folder');
  const file = vscode.Uri.joinPath(folder.uri, '..', WEB_TEST_ENV_FILE);
  webEnv = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as Record<string, string>;
}
