import { describe, expect, it } from 'vitest';
import {
  maxScrollTop,
  rowsPerPage,
  rowWindow,
  scrollToCenter,
  scrollToReveal,
} from './virtualizer';

const base = { rowHeight: 24, viewportHeight: 240, rowCount: 100_000 };

describe('rowWindow', () => {
  it('renders the rows in view plus the overscan, whatever the list length', () => {
    expect(rowWindow({ ...base, scrollTop: 0 }, 5)).toEqual({ first: 0, end: 15 });
    expect(rowWindow({ ...base, scrollTop: 2400 }, 5)).toEqual({ first: 95, end: 115 });
    const bottom = rowWindow({ ...base, scrollTop: maxScrollTop(base) }, 5);
    expect(bottom).toEqual({ first: 99_985, end: 100_000 });
  });

  it('clamps scroll positions past either end and handles empty lists', () => {
    expect(rowWindow({ ...base, scrollTop: -50 }, 0)).toEqual({ first: 0, end: 10 });
    expect(rowWindow({ ...base, scrollTop: 1e12 }, 0)).toEqual({ first: 99_990, end: 100_000 });
    expect(rowWindow({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({ first: 0, end: 0 });
  });

  it('still renders a row before the viewport has been measured', () => {
    expect(rowWindow({ ...base, viewportHeight: 0, scrollTop: 0 }, 0)).toEqual({
      first: 0,
      end: 1,
    });
  });

  it('includes a row that is only partly in view', () => {
    expect(rowWindow({ ...base, scrollTop: 12 }, 0)).toEqual({ first: 0, end: 11 });
  });
});

describe('scrolling to rows', () => {
  it('does not move when the row is fully visible', () => {
    expect(scrollToReveal(5, { ...base, scrollTop: 0 })).toBe(0);
  });

  it('moves the least: up to the row top, or down to its bottom', () => {
    expect(scrollToReveal(3, { ...base, scrollTop: 2400 })).toBe(72);
    expect(scrollToReveal(200, { ...base, scrollTop: 0 })).toBe(201 * 24 - 240);
  });

  it('centres a row, clamped at the ends', () => {
    expect(scrollToCenter(500, { ...base, scrollTop: 0 })).toBe(500 * 24 + 12 - 120);
    expect(scrollToCenter(0, { ...base, scrollTop: 999 })).toBe(0);
    expect(scrollToCenter(99_999, { ...base, scrollTop: 0 })).toBe(maxScrollTop(base));
  });

  it('pages by one row less than fits', () => {
    expect(rowsPerPage(base)).toBe(9);
    expect(rowsPerPage({ rowHeight: 24, viewportHeight: 10 })).toBe(1);
  });
});
