import { useEffect, useState, type RefObject } from 'react';

/** The element's content height in CSS pixels, kept current with a ResizeObserver. */
export function useElementHeight(ref: RefObject<Element | null>, initial = 0): number {
  const [height, setHeight] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) setHeight(Math.floor(entry.contentRect.height));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return height;
}
