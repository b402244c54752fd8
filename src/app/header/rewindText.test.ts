import { describe, expect, it } from 'vitest';
import { firstLine, menuFocusAfter, rewoundStatus } from './rewindText';

describe('rewind texts', () => {
  it('says where the cluster went back to and that it is paused', () => {
    const at = Date.UTC(2026, 0, 15, 9, 3, 12);
    expect(rewoundStatus({ id: 4, at, label: 'kubectl delete deployment web' })).toBe(
      'Rewound to 09:03:12, before “kubectl delete deployment web”. The clock is paused.',
    );
    expect(rewoundStatus({ id: 5, at, label: 'cat <<EOF > a.yaml\nkind: Pod\nEOF' })).toBe(
      'Rewound to 09:03:12, before “cat <<EOF > a.yaml …”. The clock is paused.',
    );
  });

  it('shows a multi-line command by its first line', () => {
    expect(firstLine('kubectl get pods')).toBe('kubectl get pods');
    expect(firstLine('for i in 1 2; do\necho $i\ndone')).toBe('for i in 1 2; do …');
  });
});

describe('menu keys', () => {
  it('arrows wrap around, Home and End jump, other keys are not the menu’s', () => {
    expect(menuFocusAfter('ArrowDown', 0, 3)).toBe(1);
    expect(menuFocusAfter('ArrowDown', 2, 3)).toBe(0);
    expect(menuFocusAfter('ArrowUp', 0, 3)).toBe(2);
    expect(menuFocusAfter('Home', 2, 3)).toBe(0);
    expect(menuFocusAfter('End', 0, 3)).toBe(2);
    expect(menuFocusAfter('a', 0, 3)).toBeUndefined();
    expect(menuFocusAfter('ArrowDown', 0, 0)).toBeUndefined();
  });
});
