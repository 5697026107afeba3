/**
 * The core's front door: the adapters (`src/vscode`, `src/node`, `src/cli` and the entry
 * points `src/extension*.ts`) import the core only through `src/core/index.ts`, so the
 * index is the whole of what the core offers and its inner files can move freely. Imports
 * (type-only ones too) are read with the TypeScript parser of the core's layering test.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { importedModules } from '../core/layering.test';

const SRC = path.resolve(__dirname, '../../../src');
const CORE = path.join(SRC, 'core');
const ADAPTER_FOLDERS = ['vscode', 'node', 'cli'];

/**
 * The one file allowed past the front door: the manuscript engines' chunk entry, which
 * must hold the engines alone (through the index it would carry the whole core).
 */
const ENGINES_CHUNK = path.join(SRC, 'manuscriptEngines.ts');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
}

/** The adapters' files: the three folders and the entry points beside the core. */
function adapterFiles(): string[] {
  const entryPoints = readdirSync(SRC).filter((name) => /^extension.*\.ts$/.test(name)).map((name) => path.join(SRC, name));
  return [...ADAPTER_FOLDERS.flatMap((folder) => filesUnder(path.join(SRC, folder))), ...entryPoints];
}

/** The imports of `file` that reach a file inside `src/core/` other than its index. */
export function pastTheFrontDoor(file: string, source: string): string[] {
  return importedModules(source).filter((name) => {
    if (!name.startsWith('.')) return false;
    const target = path.resolve(path.dirname(file), name);
    return target.startsWith(CORE + path.sep) && target !== path.join(CORE, 'index') && target !== path.join(CORE, 'index.ts');
  });
}

describe('the core front door', () => {
  it('finds the adapters, the entry points among them', () => {
    const files = adapterFiles();
    assert.ok(files.length > 50, `${files.length} adapter files`);
    assert.ok(files.includes(path.join(SRC, 'extension.browser.ts')));
  });

  it('adapters import the core only through src/core/index.ts', () => {
    const offenders = adapterFiles().flatMap((file) => pastTheFrontDoor(file, readFileSync(file, 'utf8')).map((name) => `${path.relative(SRC, file)} imports ${name}`));
    assert.deepEqual(offenders, []);
  });

  it('the engines chunk entry is the one exception, and it imports nothing but the core', () => {
    const imported = importedModules(readFileSync(ENGINES_CHUNK, 'utf8'));
    assert.ok(imported.length > 0);
    assert.deepEqual(imported.filter((name) => !name.startsWith('./core/')), []);
  });

  it('the check finds every way past the index, and allows the index and everything else', () => {
    const file = path.join(SRC, 'vscode', 'views', 'x.ts');
    const source = [
      "import { a } from '../../core/report/compileReport';",
      "import type { B } from '../../core/model';",
      "export type { C } from '../../core/references/references';",
      "const d = require('../../core/version');",
      "import { e } from '../../core';",
      "import { f } from '../../core/index';",
      "import { g } from '../reviewSession';",
      "import * as vscode from 'vscode';",
      "// import { h } from '../../core/x';",
    ].join('\n');
    assert.deepEqual(pastTheFrontDoor(file, source), ['../../core/report/compileReport', '../../core/model', '../../core/references/references', '../../core/version']);
  });
});
