import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * The element's content width in CSS pixels, kept current with a ResizeObserver. The first
 * reading is taken before paint, so a chart is drawn once at its real width rather than once
 * at a guess and again when the observer reports.
 */
export function useElementWidth(ref: RefObject<Element | null>, initial = 0): number {
  const [width, setWidth] = useState(initial);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measured = Math.floor(el.getBoundingClientRect().width);
    if (measured > 0) setWidth(measured);
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
