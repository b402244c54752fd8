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
