import { describe, expect, it } from 'vitest';

// The app's tsconfig has no Node types (it is browser code); vitest runs in Node, so borrow fs untyped.
const fsModule = 'node:fs';
const { readFileSync, readdirSync } = (await import(/* @vite-ignore */ fsModule)) as {
  readFileSync(path: URL, encoding: 'utf8'): string;
  readdirSync(path: URL, options: { recursive: true }): string[];
};

const editorCss = readFileSync(new URL('./editor.css', import.meta.url), 'utf8');
const monacoEsm = new URL('../../../node_modules/monaco-editor/esm/vs/', import.meta.url);

/** The VS Code size tokens (stroke, corner radii, spacing) Monaco's CSS and widget code refer to. */
function sizeTokensMonacoUses(): Set<string> {
  const used = new Set<string>();
  for (const file of readdirSync(monacoEsm, { recursive: true })) {
    if (!/\.(css|js)$/.test(file)) continue;
    const text = readFileSync(new URL(file, monacoEsm), 'utf8');
    for (const m of text.matchAll(/var\((--vscode-(?:strokeThickness|cornerRadius-\w+|spacing-\w+))\b/g)) used.add(m[1]!);
  }
  return used;
}

describe("VS Code's size tokens standalone Monaco leaves undefined", () => {
  it('editor.css defines every one Monaco uses, on the scopes its theme colours are defined on', () => {
    const rule = /\.monaco-editor,\s*\.monaco-diff-editor,\s*\.monaco-component\s*{([^}]*--vscode-strokeThickness[^}]*)}/.exec(editorCss)?.[1] ?? '';
    const defined = new Set([...rule.matchAll(/(--vscode-[\w-]+):/g)].map((m) => m[1]));
    const used = sizeTokensMonacoUses();
    expect(used.size).toBeGreaterThan(10);
    expect([...used].filter((token) => !defined.has(token)).sort()).toEqual([]);
  });
});
