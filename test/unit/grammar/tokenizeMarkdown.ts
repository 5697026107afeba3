/**
 * Tokenizes Markdown the way VS Code does: vscode-textmate with the oniguruma wasm,
 * VS Code's own Markdown and HTML grammars (vendored under test/fixtures/grammar) and
 * the QualSynth injection grammar, injected into `text.html.markdown`.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const root = path.resolve(__dirname, '../../..');
const fixtures = path.join(root, 'test/fixtures/grammar');

/** Grammar files by scope name; scopes not listed (yaml, css, js…) load as nothing. */
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

let markdownGrammar: Promise<textmate.IGrammar> | undefined;

async function loadMarkdownGrammar(): Promise<textmate.IGrammar> {
  const wasm = readFileSync(path.join(root, 'node_modules/vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) => {
      // An empty YAML grammar: vscode-textmate drops a rule whose only include is
      // missing, and Markdown's front matter rule includes just source.yaml.
      if (scopeName === 'source.yaml') return { scopeName, patterns: [] } as unknown as textmate.IRawGrammar;
      const file = grammarFiles[scopeName];
      return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
    // As package.json's contributes.grammars entry: "injectTo": ["text.html.markdown"].
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['qualsynth.injection'] : undefined),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  if (!grammar) throw new Error('The Markdown grammar did not load.');
  return grammar;
}

/** Tokenizes a Markdown text line by line, carrying the rule stack across lines. */
export async function tokenizeMarkdown(text: string): Promise<MarkdownToken[]> {
  markdownGrammar ??= loadMarkdownGrammar();
  const grammar = await markdownGrammar;
  const tokens: MarkdownToken[] = [];
  let ruleStack = textmate.INITIAL;
  text.split(/\r?\n/).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, ruleStack);
    for (const token of result.tokens) {
      tokens.push({ line, text: lineText.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    }
    ruleStack = result.ruleStack;
  });
  return tokens;
}
