import { clamp } from './virtualizer';

/**
 * The minimap: every visible row drawn as a line at its time position, squeezed into a small
 * canvas, with a band that shows (and moves) the waterfall's scroll position.
 */

export interface MinimapBand {
  /** Canvas y of the band's top, in CSS pixels. */
  top: number;
  height: number;
}

/** Smallest band height, so a band over 100k rows can still be grabbed. */
export const MIN_BAND_PX = 6;

export interface ScrollGeometry {
  scrollTop: number;
  viewportHeight: number;
  /** Height of all rows. */
  contentHeight: number;
}

/** Where the band sits for a scroll position. */
export function bandFor(scroll: ScrollGeometry, minimapHeight: number): MinimapBand {
  const { scrollTop, viewportHeight, contentHeight } = scroll;
  if (contentHeight <= 0 || minimapHeight <= 0) return { top: 0, height: minimapHeight };
  const share = Math.min(1, viewportHeight / contentHeight);
  const height = Math.min(minimapHeight, Math.max(MIN_BAND_PX, share * minimapHeight));
  const scrollable = Math.max(0, contentHeight - viewportHeight);
  const progress = scrollable === 0 ? 0 : clamp(scrollTop / scrollable, 0, 1);
  return { top: progress * (minimapHeight - height), height };
}

/** The scroll position that puts the band's top at `bandTop` (the inverse of `bandFor`). */
export function scrollTopForBand(
  bandTop: number,
  bandHeight: number,
  scroll: Omit<ScrollGeometry, 'scrollTop'>,
  minimapHeight: number,
): number {
  const travel = minimapHeight - bandHeight;
  const scrollable = Math.max(0, scroll.contentHeight - scroll.viewportHeight);
  if (travel <= 0) return 0;
  return clamp(bandTop / travel, 0, 1) * scrollable;
}

export interface RasterInput {
  /** Span indices of the rows, top to bottom. */
  rows: Int32Array;
  start: Float64Array;
  duration: Float64Array;
  /** 1 where the span is an error. */
  isError: (span: number) => boolean;
  totalUs: number;
}

export interface RasterColors {
  bar: readonly [number, number, number];
  error: readonly [number, number, number];
}

/**
 * RGBA pixels (`width × height`) of the rows. Rows share canvas lines when there are more rows
 * than lines; a pixel's opacity says how many of its line's rows cover that instant, and its
 * colour goes towards the error colour with the share of error spans among them.
 * O(rows + width × height).
 */
export function rasterize(
  input: RasterInput,
  width: number,
  height: number,
  colors: RasterColors,
): Uint8ClampedArray<ArrayBuffer> {
  const w = Math.max(1, Math.floor(width));
  const h = Math.max(1, Math.floor(height));
  const pixels = new Uint8ClampedArray(w * h * 4);
  const rowCount = input.rows.length;
  if (rowCount === 0) return pixels;
  // Per line, a difference array over x: +1 where a bar starts, -1 after it ends.
  const cover = new Int32Array(h * (w + 1));
  const errors = new Int32Array(h * (w + 1));
  const rowsPerLine = new Int32Array(h);
  const scale = input.totalUs > 0 ? w / input.totalUs : 0;
  for (let r = 0; r < rowCount; r++) {
    const span = input.rows[r] as number;
    const x0 = clamp(Math.floor((input.start[span] as number) * scale), 0, w - 1);
    const x1 = clamp(
      Math.ceil(((input.start[span] as number) + (input.duration[span] as number)) * scale),
      x0 + 1,
      w,
    );
    const y0 = Math.floor((r * h) / rowCount);
    const y1 = Math.max(y0 + 1, Math.floor(((r + 1) * h) / rowCount));
    const error = input.isError(span);
    for (let y = y0; y < y1 && y < h; y++) {
      const base = y * (w + 1);
      (cover[base + x0] as number)++;
      (cover[base + x1] as number)--;
      if (error) {
        (errors[base + x0] as number)++;
        (errors[base + x1] as number)--;
      }
      (rowsPerLine[y] as number)++;
    }
  }
  for (let y = 0; y < h; y++) {
    const base = y * (w + 1);
    const lineRows = Math.max(1, rowsPerLine[y] as number);
    let c = 0;
    let e = 0;
    for (let x = 0; x < w; x++) {
      c += cover[base + x] as number;
      e += errors[base + x] as number;
      if (c === 0) continue;
      // Errors tint the pixel by their share of the spans there, so a few errors among
      // thousands of rows do not paint the whole line red; a pixel of only errors is red.
      const t = Math.min(1, (4 * e) / c);
      const p = (y * w + x) * 4;
      pixels[p] = colors.bar[0] + (colors.error[0] - colors.bar[0]) * t;
      pixels[p + 1] = colors.bar[1] + (colors.error[1] - colors.bar[1]) * t;
      pixels[p + 2] = colors.bar[2] + (colors.error[2] - colors.bar[2]) * t;
      pixels[p + 3] = Math.round(255 * (0.35 + 0.65 * Math.sqrt(c / lineRows)));
    }
  }
  return pixels;
}
