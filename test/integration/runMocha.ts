import type Mocha from 'mocha';
import * as vscode from 'vscode';
import { formatResultLine } from './result';

/** How each index loads and formats: mocha's own build for its host, and printf-style formatting. */
export interface MochaHost {
  /** The Mocha class (Node's package, or the browser build's global). */
  readonly Mocha: typeof Mocha;
  /** printf-style formatting, which mocha's reporters use and the extension host does not apply. */
  format(...args: unknown[]): string;
}

/** Runs the suites; resolves when all pass, rejects with the failure count otherwise. */
export function runMocha(host: MochaHost, suites: ReadonlyArray<() => unknown>, grep: string | undefined): Promise<void> {
  console.log(`VS Code ${vscode.version} (${vscode.env.appHost}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'} UI, ${typeof process === 'undefined' ? 'web worker' : 'Node'} extension host)`);
  host.Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(host.format(...args));
  const mocha = new host.Mocha({ ui: 'tdd', color: false, timeout: 20_000, reporter: 'spec' });
  if (grep) mocha.grep(grep);
  mocha.suite.emit(host.Mocha.Suite.constants.EVENT_FILE_PRE_REQUIRE, globalThis, 'integration', mocha);
  for (const load of suites) load();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, pending = 0 } = runner.stats ?? {};
      // The runners parse this line: mocha's own summary is not meant for machines.
      console.log(formatResultLine({ passed: passes, failed: failures, skipped: pending }));
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      else resolve();
    });
  });
}
