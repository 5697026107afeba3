// What the extension logged, read from the server's log files as a person would read
// the Output view: the server writes every extension's log channel, and the extension
// host's own log, to files under its data folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The text of the log files named `fileName` under `dataDir` (one per extension host
 * run), oldest first; empty when none.
 * @param {string} dataDir The data folder given to `startServer`.
 * @param {string} fileName e.g. `QualSynth.log` for the QualSynth output channel.
 */
export function readLogs(dataDir, fileName) {
  const files = readdirSync(dataDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name === fileName)
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
  return files.map((file) => readFileSync(file, 'utf8')).join('');
}

/**
 * The QualSynth output channel, followed by the time from VS Code deciding to activate
 * the extension to `activate()` returning (loading the bundle included).
 * @param {string} dataDir The data folder given to `startServer`.
 */
export function qualsynthLog(dataDir) {
  return channelAndLoad(readLogs(dataDir, 'QualSynth.log'), readLogs(dataDir, 'remoteexthost.log'));
}

/**
 * The same for a web worker extension host run, whose logs live in the browser: from the
 * log files the workbench hands over when the tests end (`codeAutomationExit`).
 * @param {Array<{ relativePath: string, contents: string }>} logs
 */
export function webQualsynthLog(logs) {
  const text = (suffix) => logs.filter(({ relativePath }) => relativePath.endsWith(suffix)).map(({ contents }) => contents).join('');
  return channelAndLoad(text('/QualSynth.log'), text('/workerexthost.log'));
}

function channelAndLoad(channel, host) {
  const started = timestamp(host, /^(\S+ \S+) .*_doActivateExtension qualsynth\.qualsynth\b.*$/m);
  const activated = timestamp(channel, /^(\S+ \S+) .*QualSynth activated in .*$/m);
  const load = started && activated ? `activation including bundle load: ${activated - started} ms\n` : '';
  return `--- QualSynth output channel ---\n${channel}${load}--- end ---\n`;
}

function timestamp(log, pattern) {
  const match = pattern.exec(log);
  return match ? Date.parse(match[1].replace(' ', 'T')) : undefined;
}
