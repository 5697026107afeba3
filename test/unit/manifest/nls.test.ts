import { strict as assert } from 'node:assert';
import { PLACEHOLDER, readManifest, readNls, strings } from './manifestFiles';

/** Manifest fields a person reads: they must come from package.nls.json. */
const USER_FACING = [
  /^description$/,
  /^capabilities\.\w+\.description$/,
  /^contributes\.commands\.\d+\.title$/,
  /^contributes\.views\.\w+\.\d+\.name$/,
  /^contributes\.viewsWelcome\.\d+\.contents$/,
  /^contributes\.colors\.\d+\.description$/,
  /^contributes\.configuration\.properties\.[\w.]+\.(description|markdownDescription|enumDescriptions\.\d+)$/,
  /^contributes\.walkthroughs\.\d+\.(title|description)$/,
  /^contributes\.walkthroughs\.\d+\.steps\.\d+\.(title|description)$/,
];

describe('manifest strings (package.nls.json)', () => {
  const manifest = readManifest();
  const nls = readNls();
  const values = [...strings(manifest)];

  it('every %key% of package.json has a non-empty English string', () => {
    const placeholders = values.filter(({ value }) => value.includes('%'));
    assert.ok(placeholders.length > 40, `only ${placeholders.length} placeholders`);
    for (const { path, value } of placeholders) {
      const key = PLACEHOLDER.exec(value)?.[1];
      assert.ok(key, `${path}: "${value}" is not a whole-string %key% (vsce and VS Code replace only those)`);
      assert.ok(typeof nls[key] === 'string' && nls[key].trim() !== '', `${path}: %${key}% has no string in package.nls.json`);
    }
  });

  it('package.nls.json holds no string that package.json does not use', () => {
    const used = new Set(values.map(({ value }) => PLACEHOLDER.exec(value)?.[1]).filter(Boolean));
    assert.deepEqual(Object.keys(nls).filter((key) => !used.has(key)), []);
  });

  it('command titles, view names, settings, colours and walkthrough texts are localisable', () => {
    const literal = values.filter(({ path, value }) => USER_FACING.some((pattern) => pattern.test(path)) && !PLACEHOLDER.test(value));
    assert.deepEqual(literal.map(({ path, value }) => `${path}: ${value}`), []);
    const checked = values.filter(({ path }) => USER_FACING.some((pattern) => pattern.test(path)));
    assert.ok(checked.length >= manifest.contributes.commands.length + 10, 'the patterns match the manifest');
  });

  it('the REFI-QDA commands have their titles', () => {
    const title = (id: string) => nls[PLACEHOLDER.exec(manifest.contributes.commands.find((command: { command: string }) => command.command === id)?.title ?? '')?.[1] ?? ''];
    assert.equal(title('qualsynth.exportCodebook'), 'Export REFI-QDA Codebook…');
    assert.equal(title('qualsynth.exportProject'), 'Export REFI-QDA Project…');
    assert.equal(title('qualsynth.importProject'), 'Import REFI-QDA Project…');
    assert.equal(title('qualsynth.importCodebook'), 'Import REFI-QDA Codebook…');
  });
});
