/**
 * Row-window math for a list of fixed-height rows: which rows to put in the DOM for a scroll
 * position, and where to scroll to bring a row into view. Every row has the same height, so
 * both are O(1) whatever the row count.
 */

export interface ViewportGeometry {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
}

export interface RowWindow {
  /** First row to render (inclusive). */
  first: number;
  /** Last row to render (exclusive). */
  end: number;
}

/** Rows in view plus `overscan` rows on each side, clamped to the list. */
export function rowWindow(
  { scrollTop, viewportHeight, rowHeight, rowCount }: ViewportGeometry,
  overscan = 8,
): RowWindow {
  if (rowCount === 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const top = clamp(scrollTop, 0, maxScrollTop({ viewportHeight, rowHeight, rowCount }));
  const firstInView = Math.floor(top / rowHeight);
  const endInView = Math.ceil((top + Math.max(viewportHeight, 0)) / rowHeight);
  return {
    first: Math.max(0, firstInView - overscan),
    end: Math.min(rowCount, Math.max(endInView, firstInView + 1) + overscan),
  };
}

export function maxScrollTop({
  viewportHeight,
  rowHeight,
  rowCount,
}: Omit<ViewportGeometry, 'scrollTop'>): number {
  return Math.max(0, rowCount * rowHeight - viewportHeight);
}

/**
 * The scroll position that shows `row` with the least movement: unchanged if it is already
 * fully visible, else aligned to the nearest edge.
 */
export function scrollToReveal(row: number, geometry: ViewportGeometry): number {
  const { scrollTop, viewportHeight, rowHeight } = geometry;
  const top = row * rowHeight;
  const bottom = top + rowHeight;
  let next = scrollTop;
  if (top < scrollTop) next = top;
  else if (bottom > scrollTop + viewportHeight) next = bottom - viewportHeight;
  return clamp(next, 0, maxScrollTop(geometry));
}

/** The scroll position that puts `row` in the middle of the viewport. */
export function scrollToCenter(row: number, geometry: ViewportGeometry): number {
  const { viewportHeight, rowHeight } = geometry;
  const centered = row * rowHeight + rowHeight / 2 - viewportHeight / 2;
  return clamp(centered, 0, maxScrollTop(geometry));
}

/** Rows that fit in the viewport, for Page Up / Page Down. */
export function rowsPerPage({
  viewportHeight,
  rowHeight,
}: Omit<ViewportGeometry, 'scrollTop' | 'rowCount'>): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight) - 1);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
