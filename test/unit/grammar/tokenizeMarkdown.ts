/**
 * Tokenizes Markdown the way VS Code does: vscode-textmate with the oniguruma wasm,
 * VS Code's own Markdown and HTML grammars (vendored under test/fixtures/grammar) and
 * the QualSynth injection grammar, injected into `text.html.markdown` as package.json's
 * `contributes.grammars` entry asks.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.resolve(__dirname, '../../..');
const fixtures = path.join(root, 'test/fixtures/grammar');

/** Grammar files by scope name; other embedded scopes (css, js…) load as nothing. */
const grammarFiles: Record<string, string> = {
  'text.html.markdown': path.join(fixtures, 'markdown.tmLanguage.json'),
  'text.html.derivative': path.join(fixtures, 'html-derivative.tmLanguage.json'),
  'text.html.basic': path.join(fixtures, 'html.tmLanguage.json'),
  'qualsynth.injection': path.join(root, 'syntaxes/qualsynth.injection.json'),
};

/** One token: its 0-based line, its text and its scopes, outermost first. */
export interface MarkdownToken {
  readonly line: number;
  readonly text: string;
  readonly scopes: readonly string[];
}

let onigLib: Promise<textmate.IOnigLib> | undefined;
const grammars = new Map<boolean, Promise<textmate.IGrammar>>();

async function loadOnigLib(): Promise<textmate.IOnigLib> {
  const wasm = readFileSync(path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  return {
    createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
    createOnigString: (text) => new oniguruma.OnigString(text),
  };
}

async function loadRawGrammar(scopeName: string): Promise<textmate.IRawGrammar | null> {
  // An empty YAML grammar: vscode-textmate drops a rule whose only include is missing,
  // and Markdown's front matter rule includes nothing but source.yaml.
  if (scopeName === 'source.yaml') return { scopeName, patterns: [] } as unknown as textmate.IRawGrammar;
  const file = grammarFiles[scopeName];
  return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
}

async function loadMarkdownGrammar(inject: boolean): Promise<textmate.IGrammar> {
  onigLib ??= loadOnigLib();
  const registry = new textmate.Registry({
    onigLib,
    loadGrammar: loadRawGrammar,
    getInjections: (scopeName) => (inject && scopeName === 'text.html.markdown' ? ['qualsynth.injection'] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('The Markdown grammar did not load.');
  return grammar;
}

/**
 * Tokenizes a Markdown text line by line, carrying the rule stack across lines.
 * `inject: false` gives VS Code's Markdown highlighting without QualSynth.
 */
export async function tokenizeMarkdown(text: string, { inject = true } = {}): Promise<MarkdownToken[]> {
  let grammar = grammars.get(inject);
  if (!grammar) grammars.set(inject, (grammar = loadMarkdownGrammar(inject)));
  const loaded = await grammar;
  const tokens: MarkdownToken[] = [];
  let ruleStack = textmate.INITIAL;
  text.split(/\r?\n/).forEach((lineText, line) => {
    const result = loaded.tokenizeLine(lineText, ruleStack);
    for (const token of result.tokens) {
      tokens.push({ line, text: lineText.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    }
    ruleStack = result.ruleStack;
  });
  return tokens;
}

/** True when a scope comes from the QualSynth grammar. */
export function isQualsynthScope(scope: string): boolean {
  return scope.endsWith('.qualsynth');
}

/**
 * The tags the grammar highlights, as `#name`: each code-name token, with `#` in front
 * only when the token before it is the tag's scoped `#`.
 */
export function highlightedTags(tokens: readonly MarkdownToken[]): string[] {
  const tags: string[] = [];
  tokens.forEach((token, index) => {
    if (!token.scopes.includes('entity.name.tag.code.qualsynth')) return;
    const before = tokens[index - 1];
    const hashScoped = before?.text === '#' && before.scopes.includes('punctuation.definition.tag.qualsynth');
    tags.push(`${hashScoped ? '#' : '?'}${token.text}`);
  });
  return tags;
}

/** Markdown's own scopes of every character, QualSynth's scopes left out, per line. */
export function markdownScopesByCharacter(tokens: readonly MarkdownToken[]): string[] {
  return tokens.flatMap((token) => {
    const scopes = `${token.line}: ${token.scopes.filter((scope) => !isQualsynthScope(scope)).join(' ')}`;
    return Array.from({ length: token.text.length }, () => scopes);
  });
}
