import { useEffect, useRef, useState, useSyncExternalStore, type PointerEvent } from 'react';
import { afterNextPaint } from '@/lib/afterNextPaint';
import { SPAN_FLAG } from '@/datasources/traces/worker';
import type { TraceOverview } from '@/datasources/traces/worker';
import { bandFor, rasterize, scrollTopForBand } from '../model/minimap';
import type { ScrollStore } from '../model/scrollStore';
import { ROW_HEIGHT } from './WaterfallRow';

const HEIGHT = 64;
const COLORS = { bar: [14, 165, 233], error: [220, 38, 38] } as const;

/**
 * The whole list of rows at a glance, drawn on a canvas (time across, rows down), with a band
 * for the part in view. Dragging the band or clicking elsewhere scrolls the waterfall.
 */
export function Minimap({
  overview,
  rows,
  scroll,
  onScrollTo,
}: {
  overview: TraceOverview;
  rows: Int32Array;
  scroll: ScrollStore;
  onScrollTo: (scrollTop: number) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const width = useWidth(box);
  const { scrollTop, viewportHeight } = useSyncExternalStore(scroll.subscribe, scroll.get);
  const contentHeight = rows.length * ROW_HEIGHT;
  const band = bandFor({ scrollTop, viewportHeight, contentHeight }, HEIGHT);
  const grab = useRef<number | null>(null);

  useEffect(() => {
    const el = canvas.current;
    // Without ImageData (jsdom) there is no canvas to draw on.
    if (!el || width <= 0 || typeof ImageData === 'undefined') return;
    // Drawn after the rows are on screen: the first paint of a big trace must not wait for it.
    return afterNextPaint(() => {
      const context = el.getContext('2d');
      if (!context) return;
      const ratio = Math.min(2, globalThis.devicePixelRatio || 1);
      const w = Math.floor(width * ratio);
      const h = Math.floor(HEIGHT * ratio);
      el.width = w;
      el.height = h;
      const pixels = rasterize(
        {
          rows,
          start: overview.start,
          duration: overview.duration,
          isError: (span) => ((overview.flags[span] as number) & SPAN_FLAG.error) !== 0,
          totalUs: overview.durationUs,
        },
        w,
        h,
        COLORS,
      );
      context.putImageData(new ImageData(pixels, w, h), 0, 0);
    });
  }, [overview, rows, width]);

  const moveBandTo = (top: number) =>
    onScrollTo(scrollTopForBand(top, band.height, { viewportHeight, contentHeight }, HEIGHT));

  const localY = (event: PointerEvent<HTMLDivElement>) =>
    event.clientY - event.currentTarget.getBoundingClientRect().top;

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const y = localY(event);
    const inside = y >= band.top && y <= band.top + band.height;
    grab.current = inside ? y - band.top : band.height / 2;
    event.currentTarget.setPointerCapture?.(event.pointerId);
    if (!inside) moveBandTo(y - grab.current);
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (grab.current !== null) moveBandTo(localY(event) - grab.current);
  };

  return (
    <div
      ref={box}
      className="relative shrink-0 cursor-pointer touch-none border-b border-slate-200 bg-slate-50 select-none dark:border-slate-700 dark:bg-slate-950"
      style={{ height: HEIGHT }}
      data-testid="minimap"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={() => (grab.current = null)}
    >
      <canvas
        ref={canvas}
        className="block h-full w-full"
        role="img"
        aria-label={`Overview of ${rows.length} rows; drag the band to scroll`}
      />
      <div
        data-testid="minimap-band"
        className="pointer-events-none absolute inset-x-0 border-y border-sky-700 bg-sky-500/15 dark:border-sky-300"
        style={{ top: band.top, height: band.height }}
      />
    </div>
  );
}

/** The element's width from a ResizeObserver, without forcing a layout to read it. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
