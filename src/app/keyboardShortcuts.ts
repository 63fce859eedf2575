export type ShortcutAction = 'shift-back' | 'shift-forward' | 'zoom-out' | 'refresh' | 'help';

/**
 * A two-key sequence reader (`t` then an arrow), pure so it can be tested without a DOM.
 * Returns the action for this key, and the pending prefix to keep for the next key.
 */
export function readShortcut(
  key: string,
  pending: string | null,
): { action: ShortcutAction | null; pending: string | null } {
  if (pending === 't') {
    if (key === 'ArrowLeft') return { action: 'shift-back', pending: null };
    if (key === 'ArrowRight') return { action: 'shift-forward', pending: null };
    if (key === 'z') return { action: 'zoom-out', pending: null };
  }
  if (key === 't') return { action: null, pending: 't' };
  if (key === '?') return { action: 'help', pending: null };
  if (key === 'r') return { action: 'refresh', pending: null };
  return { action: null, pending: null };
}

/** Typing in a field must never trigger shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
