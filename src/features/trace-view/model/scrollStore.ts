/**
 * The waterfall's scroll position as a tiny external store: the waterfall writes it on every
 * scroll event and the minimap reads it, without re-rendering the rest of the view.
 */
export interface ScrollSnapshot {
  scrollTop: number;
  viewportHeight: number;
  /** Width of the vertical scrollbar, so the time axis above can line up with the bars. */
  gutter: number;
}

export interface ScrollStore {
  get: () => ScrollSnapshot;
  set: (next: ScrollSnapshot) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createScrollStore(): ScrollStore {
  let snapshot: ScrollSnapshot = { scrollTop: 0, viewportHeight: 0, gutter: 0 };
  const listeners = new Set<() => void>();
  return {
    get: () => snapshot,
    set: (next) => {
      if (
        next.scrollTop === snapshot.scrollTop &&
        next.viewportHeight === snapshot.viewportHeight &&
        next.gutter === snapshot.gutter
      )
        return;
      snapshot = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
