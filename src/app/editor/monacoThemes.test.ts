import { describe, expect, it } from 'vitest';
import { buildMonacoTheme, PAGE_PALETTES } from './monacoThemes';

// The app's tsconfig has no Node types (it is browser code); vitest runs in Node, so borrow fs untyped.
// (Vite's `?raw` cannot help: vitest's CSS handling empties stylesheet imports.)
const fsModule = 'node:fs';
const { readFileSync } = (await import(/* @vite-ignore */ fsModule)) as {
  readFileSync(path: URL, encoding: 'utf8'): string;
};
const stylesCss = readFileSync(new URL('../styles.css', import.meta.url), 'utf8');

/** Reads `--name: value` pairs from one `[data-theme='x'] { … }` block of styles.css. */
function cssVariables(theme: string): Record<string, string> {
  const css = stylesCss;
  const block = new RegExp(`\\[data-theme='${theme}'\\]\\s*{([^}]*)}`).exec(css)?.[1] ?? '';
  const root = /:root\s*{([^}]*)}/.exec(css)?.[1] ?? '';
  const vars: Record<string, string> = {};
  for (const m of (root + block).matchAll(/--([\w-]+):\s*([^;]+);/g)) vars[m[1]!] = m[2]!.trim();
  return vars;
}

describe('Monaco themes follow the page palette', () => {
  it.each(['light', 'dark'] as const)('the %s palette equals the styles.css variables', (theme) => {
    const v = cssVariables(theme);
    expect(PAGE_PALETTES[theme]).toEqual({
      surface: v['surface'],
      surface2: v['surface-2'],
      border: v['border'],
      text: v['text'],
      textMuted: v['text-muted'],
      accent: v['accent'],
      accentSoft: v['accent-soft'],
      accentText: v['accent-text'],
      danger: v['danger'],
    });
  });

  it.each([
    ['light', 'vs', '#ffffff'],
    ['dark', 'vs-dark', '#111820'],
  ] as const)('%s builds on %s with the pane surface as background', (theme, base, background) => {
    const data = buildMonacoTheme(theme);
    expect(data.base).toBe(base);
    expect(data.colors['editor.background']).toBe(background);
    expect(data.colors['editor.foreground']).toBe(PAGE_PALETTES[theme].text);
    for (const colour of Object.values(data.colors))
      expect(colour).toMatch(/^#[0-9a-f]{6}([0-9a-f]{2})?$/);
    for (const rule of data.rules)
      if (rule.foreground) expect(rule.foreground).toMatch(/^[0-9a-f]{6}$/);
  });
});
