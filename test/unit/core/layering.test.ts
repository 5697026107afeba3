import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';

const CORE = path.resolve(__dirname, '../../../src/core');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : entry.name.endsWith('.ts') ? [path.join(dir, entry.name)] : [],
  );
}

describe('layering', () => {
  const files = filesUnder(CORE);
  it('finds the core files', () => assert.ok(files.length > 10));
  it('src/core never imports vscode', () => {
    const offenders = files.filter((file) => /from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\)/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders.map((file) => path.relative(CORE, file)), []);
  });
  it('src/core never imports the VS Code layer', () => {
    const offenders = files.filter((file) => /from\s+['"][./]*(vscode|extension)\//.test(readFileSync(file, 'utf8')) || /from\s+['"]\.\.\/(vscode|extension)['"]/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
