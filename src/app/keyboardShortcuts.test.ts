// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isTypingTarget, readShortcut } from './keyboardShortcuts';

describe('readShortcut', () => {
  it('reads t then an arrow as a shift', () => {
    const first = readShortcut('t', null);
    expect(first).toEqual({ action: null, pending: 't' });
    expect(readShortcut('ArrowLeft', first.pending).action).toBe('shift-back');
    expect(readShortcut('ArrowRight', 't').action).toBe('shift-forward');
    expect(readShortcut('z', 't').action).toBe('zoom-out');
  });

  it('ignores an arrow without the t prefix', () => {
    expect(readShortcut('ArrowLeft', null)).toEqual({ action: null, pending: null });
    expect(readShortcut('z', null).action).toBeNull();
  });

  it('opens help on ?', () => {
    expect(readShortcut('?', null).action).toBe('help');
  });
});

describe('isTypingTarget', () => {
  it('is true for inputs and false for buttons', () => {
    expect(isTypingTarget(document.createElement('input'))).toBe(true);
    expect(isTypingTarget(document.createElement('button'))).toBe(false);
  });
});
