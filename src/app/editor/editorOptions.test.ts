import { describe, expect, it } from 'vitest';
import { editorOptions } from './editorOptions';

describe('editorOptions', () => {
  it.each([
    [true, { smoothScrolling: false, cursorSmoothCaretAnimation: 'off', cursorBlinking: 'solid' }],
    [false, { smoothScrolling: true, cursorSmoothCaretAnimation: 'on', cursorBlinking: 'smooth' }],
  ] as const)('reducedMotion=%s sets the motion options', (reducedMotion, expected) => {
    expect(editorOptions({ path: 'a.yaml', reducedMotion })).toMatchObject(expected);
  });

  it('names the editor after its file for screen readers and indents YAML with two spaces', () => {
    const o = editorOptions({ path: 'svc.yaml', reducedMotion: false });
    expect(o.ariaLabel).toBe('YAML editor: svc.yaml');
    expect(o.tabSize).toBe(2);
    expect(o.insertSpaces).toBe(true);
  });
});

describe('options the build depends on', () => {
  // src/build/monacoTrim.ts leaves the EditContext input path and the WebGPU renderer out of
  // the bundle: an editor that asked for either would throw when created.
  it('keeps the textarea input path and the DOM renderer', () => {
    const o = editorOptions({ path: 'a.yaml', reducedMotion: false });
    expect(o.editContext).toBe(false);
    expect(o.experimentalGpuAcceleration ?? 'off').toBe('off');
  });

  // The minimap is left out too (a stand-in that draws nothing): Monaco's default turns it on.
  it('turns the minimap off', () => {
    expect(editorOptions({ path: 'a.yaml', reducedMotion: false }).minimap?.enabled).toBe(false);
  });
});
