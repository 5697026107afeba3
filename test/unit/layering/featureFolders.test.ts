/**
 * The VS Code adapter's shape: each folder under `src/vscode/` is a feature (editor,
 * views, git, report …) that reaches the rest through the shared files beside them
 * (`reviewSession.ts`, `convert.ts`, `reviewTexts.ts` …) and the shared `files/` layer,
 * never through another feature's folder, so a feature can change or go without the
 * others noticing. Imports are read with TypeScript's own pre-processor.
 */
import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const VSCODE = path.resolve(__dirname, '../../../src/vscode');
/** Folders of shared code, not features. */
const SHARED_FOLDERS = new Set(['files']);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
}

/** The feature folder a file of `src/vscode/` belongs to, or `undefined` for shared code. */
export function featureOf(file: string): string | undefined {
  const [first, ...rest] = path.relative(VSCODE, file).split(path.sep);
  return rest.length > 0 && !first.startsWith('..') && !SHARED_FOLDERS.has(first) ? first : undefined;
}

/** The imports of `file` that land in another feature's folder. */
export function crossFeatureImports(file: string, source: string): string[] {
  const own = featureOf(file);
  if (own === undefined) return [];
  return ts
    .preProcessFile(source, true, true)
    .importedFiles.map((imported) => imported.fileName)
    .filter((name) => name.startsWith('.'))
    .filter((name) => {
      const other = featureOf(path.resolve(path.dirname(file), `${name}.ts`));
      return other !== undefined && other !== own;
    });
}

describe('feature folders of src/vscode', () => {
  it('no feature imports from another feature folder (shared code lives in src/vscode/*.ts or files/)', () => {
    const offenders = filesUnder(VSCODE).flatMap((file) => crossFeatureImports(file, readFileSync(file, 'utf8')).map((name) => `${path.relative(VSCODE, file)} imports ${name}`));
    assert.deepEqual(offenders, []);
  });

  it('the check finds an import into another feature, and allows shared code and its own folder', () => {
    const file = path.join(VSCODE, 'views', 'x.ts');
    const source = ["import { a } from '../editor/hover';", "import type { B } from '../git/diff';", "import { c } from '../reviewSession';", "import { d } from './treeItems';", "import { e } from '../files/writeOutputs';", "// import { f } from '../report/x';"].join('\n');
    assert.deepEqual(crossFeatureImports(file, source), ['../editor/hover', '../git/diff']);
    assert.deepEqual(crossFeatureImports(path.join(VSCODE, 'statusBar.ts'), source), []);
  });
});
