import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { commandLinks, contextKeys, readManifest, readNls, ROOT, sourceFiles, whenClauses } from './manifestFiles';

/** VS Code's own commands the walkthrough's buttons run. */
const BUILT_IN_COMMANDS = new Set(['workbench.action.files.openFolder', 'workbench.action.quickOpen']);

describe('manifest contributions', () => {
  const manifest = readManifest();
  const contributes = manifest.contributes;
  const nls = readNls();
  const commands = new Set<string>(contributes.commands.map((command: { command: string }) => command.command));
  const views = new Set<string>(Object.values(contributes.views).flat().map((view: any) => view.id));
  const containers = new Set<string>(Object.values(contributes.viewsContainers).flat().map((container: any) => container.id));
  const sources = sourceFiles();

  /** A command a link or event may name: ours, a view container's, or a known built-in. */
  const isKnownCommand = (id: string) => commands.has(id) || BUILT_IN_COMMANDS.has(id) || containers.has(id.replace(/^workbench\.view\.extension\./, ''));

  it('menus and keybindings name contributed commands', () => {
    const entries = [...Object.values(contributes.menus).flat(), ...contributes.keybindings] as Array<{ command: string }>;
    assert.ok(entries.length > 30);
    assert.deepEqual(entries.filter((entry) => !commands.has(entry.command)).map((entry) => entry.command), []);
  });

  it('every qualsynth.* context key in a when or enablement clause is set by the extension', () => {
    const setInSource = new Set<string>();
    for (const text of sources.values()) {
      if (!text.includes("'setContext'")) continue;
      for (const match of text.matchAll(/'(qualsynth\.[\w.]+)'/g)) setInSource.add(match[1]);
    }
    const clauses = [
      ...whenClauses(manifest),
      ...contributes.walkthroughs.flatMap((walkthrough: any) => walkthrough.steps.flatMap((step: any) => step.completionEvents ?? []))
        .filter((event: string) => event.startsWith('onContext:'))
        .map((event: string) => ({ path: 'walkthrough', when: event.slice('onContext:'.length) })),
    ];
    const keys = new Set(clauses.flatMap(({ when }) => contextKeys(when)).filter((key) => key.startsWith('qualsynth.')));
    assert.deepEqual([...keys].sort(), ['qualsynth.filtered', 'qualsynth.hasReview']);
    assert.deepEqual([...keys].filter((key) => !setInSource.has(key)), []);
  });

  it('reads context keys from when clauses, not the values compared with', () => {
    assert.deepEqual(contextKeys("view =~ /^qualsynth\\.(themes|studies)$/ && (viewItem == code || !qualsynth.filtered)"), ['view', 'viewItem', 'qualsynth.filtered']);
    assert.deepEqual(contextKeys("resourceExtname == .qdpx && view != 'qualsynth.x'"), ['resourceExtname', 'view']);
  });

  it('commands that write are disabled in Restricted Mode where the brief asks, and palette entries say where they work', () => {
    for (const id of ['qualsynth.exportCodebook', 'qualsynth.exportProject', 'qualsynth.importProject', 'qualsynth.importCodebook', 'qualsynth.compileReport']) {
      assert.equal(contributes.commands.find((command: any) => command.command === id)?.enablement, 'isWorkspaceTrusted', id);
    }
    const palette = new Map<string, string>(contributes.menus.commandPalette.map((entry: any) => [entry.command, entry.when]));
    assert.equal(palette.get('qualsynth.addCodeToCodebook'), 'false', 'needs a code argument: hidden');
    assert.match(palette.get('qualsynth.codeSelection') ?? '', /editorLangId == markdown/);
    assert.match(palette.get('qualsynth.codeInVivo') ?? '', /editorHasSelection/);
    for (const id of ['qualsynth.compileReport', 'qualsynth.exportProject', 'qualsynth.renameCode', 'qualsynth.newStudy']) {
      assert.match(palette.get(id) ?? '', /qualsynth\.hasReview/, id);
    }
    assert.equal(palette.has('qualsynth.newReview'), false, 'New Review works without a review');
    const explorer = contributes.menus['explorer/context'].find((entry: any) => entry.command === 'qualsynth.importProject');
    assert.equal(explorer?.when, 'resourceExtname == .qdpx');
    assert.equal(contributes.menus['explorer/context'].find((entry: any) => entry.command === 'qualsynth.importCodebook')?.when, 'resourceExtname == .qdc');
  });

  it('Show All Segments has a keybinding in Markdown editors, apart from Code Selection', () => {
    const bindings = contributes.keybindings as Array<{ command: string; key: string; mac?: string; when: string }>;
    const show = bindings.find((binding) => binding.command === 'qualsynth.showAllSegments');
    assert.ok(show, 'no keybinding');
    assert.match(show.when, /editorTextFocus/);
    assert.match(show.when, /editorLangId == markdown/);
    const chords = bindings.flatMap((binding) => [binding.key, binding.mac ?? binding.key]);
    assert.equal(new Set(chords).size, chords.length, `a chord is bound twice: ${chords.join(', ')}`);
    assert.notEqual(show.mac, 'cmd+alt+s', 'File: Save All on macOS');
  });

  it('every setting has a description and a default', () => {
    const properties = Object.entries(contributes.configuration.properties) as Array<[string, any]>;
    assert.ok(properties.length >= 6);
    for (const [name, property] of properties) {
      assert.ok(property.description || property.markdownDescription, `${name}: no description`);
      assert.ok('default' in property, `${name}: no default`);
    }
  });

  it('every setting the code reads is contributed, with the same default', () => {
    const properties = contributes.configuration.properties as Record<string, { default: unknown }>;
    let reads = 0;
    for (const [path, text] of sources) {
      const sections = [...text.matchAll(/getConfiguration\('([\w.]+)'\)/g)].map((match) => match[1]);
      for (const match of text.matchAll(/\.get(?:<[^>]*>)?\('([\w.]+)'(?:,\s*([^)]*?))?\)/g)) {
        if (sections.length === 0) continue;
        reads++;
        const name = sections.map((section) => `${section}.${match[1]}`).find((candidate) => candidate in properties);
        assert.ok(name, `${path} reads "${match[1]}" under ${sections.join(', ')}: not in contributes.configuration`);
        if (match[2]) assert.deepEqual(JSON.parse(match[2].replace(/'/g, '"')), properties[name].default, `${name}: the code's default differs from the manifest's`);
      }
    }
    assert.ok(reads >= 6, `only ${reads} setting reads found`);
  });

  it('the walkthrough has four steps, each with a page that exists and buttons that run known commands', () => {
    const [walkthrough] = contributes.walkthroughs;
    assert.equal(nls[walkthrough.title.slice(1, -1)], 'Get started with QualSynth');
    assert.deepEqual(walkthrough.steps.map((step: any) => step.id), ['openReview', 'codePassage', 'themesView', 'compileReport']);
    for (const step of walkthrough.steps) {
      const media = step.media.markdown ?? step.media.image ?? step.media.svg;
      assert.ok(existsSync(join(ROOT, media)), `${step.id}: ${media} missing`);
      const links = commandLinks(nls[step.description.slice(1, -1)]);
      assert.ok(links.length > 0, `${step.id}: no button`);
      assert.deepEqual(links.filter((id) => !isKnownCommand(id)), [], step.id);
      for (const event of step.completionEvents) {
        const [kind, target] = event.split(/:(.*)/);
        if (kind === 'onCommand') assert.ok(isKnownCommand(target), `${step.id}: ${event}`);
        else if (kind === 'onView') assert.ok(views.has(target), `${step.id}: ${event}`);
        else assert.equal(kind, 'onContext', `${step.id}: ${event}`);
      }
    }
    // VS Code 1.100 drops an onContext event whose key was set before the walkthrough
    // registered, so the step also completes on its buttons' commands.
    assert.deepEqual(walkthrough.steps[0].completionEvents, ['onCommand:qualsynth.newReview', 'onCommand:workbench.action.files.openFolder', 'onContext:qualsynth.hasReview']);
  });

  it('view welcome buttons run contributed commands', () => {
    const links = contributes.viewsWelcome.flatMap((welcome: any) => commandLinks(nls[welcome.contents.slice(1, -1)]));
    assert.ok(links.length >= 2);
    assert.deepEqual(links.filter((id: string) => !commands.has(id)), []);
  });
});
