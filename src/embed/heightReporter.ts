export type HeightReporter = {
  /** A new measurement; sent after `delayMs` without another one, if it differs from the last sent. */
  measure(height: number): void;
  /** Sends `height` at once, even when unchanged (a host that just connected wants it). */
  sendNow(height: number): void;
  dispose(): void;
};

/**
 * Debounces content-height measurements and drops repeats, so a host resizing its iframe is
 * not flooded while charts settle. `send` returns false when nothing could be sent (no host
 * yet); such a height is not remembered, so it goes out once the host is known.
 */
export function createHeightReporter(
  send: (height: number) => boolean,
  { delayMs = 50 }: { delayMs?: number } = {},
): HeightReporter {
  let lastSent: number | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const sendIfChanged = (height: number) => {
    if (height === lastSent) return;
    if (send(height)) lastSent = height;
  };

  return {
    measure(height) {
      clearTimeout(timer);
      timer = setTimeout(() => sendIfChanged(height), delayMs);
    },
    sendNow(height) {
      clearTimeout(timer);
      if (send(height)) lastSent = height;
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}

/** The document's content height: the root element's box, which (unlike scrollHeight) can shrink below the viewport. */
export function contentHeight(doc: Document = document): number {
  return Math.ceil(doc.documentElement.getBoundingClientRect().height);
}
