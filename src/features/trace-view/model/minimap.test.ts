import { describe, expect, it } from 'vitest';
import { bandFor, MIN_BAND_PX, rasterize, scrollTopForBand } from './minimap';

describe('minimap band', () => {
  const content = { viewportHeight: 500, contentHeight: 10_000 };

  it('is as tall as the share of rows in view and follows the scroll position', () => {
    expect(bandFor({ ...content, scrollTop: 0 }, 100)).toEqual({ top: 0, height: MIN_BAND_PX });
    const bottom = bandFor({ ...content, scrollTop: 9_500 }, 200);
    expect(bottom.height).toBe(10);
    expect(bottom.top).toBe(190);
  });

  it('keeps a grabbable height over huge lists', () => {
    expect(
      bandFor({ viewportHeight: 500, contentHeight: 2_400_000, scrollTop: 0 }, 64).height,
    ).toBe(MIN_BAND_PX);
  });

  it('covers everything when the rows fit in view', () => {
    expect(bandFor({ viewportHeight: 500, contentHeight: 300, scrollTop: 0 }, 64)).toEqual({
      top: 0,
      height: 64,
    });
  });

  it('maps a band position back to the scroll position that produced it', () => {
    for (const scrollTop of [0, 1234, 5000, 9_500]) {
      const band = bandFor({ ...content, scrollTop }, 200);
      expect(scrollTopForBand(band.top, band.height, content, 200)).toBeCloseTo(scrollTop, 6);
    }
    expect(scrollTopForBand(-30, 10, content, 200)).toBe(0);
    expect(scrollTopForBand(500, 10, content, 200)).toBe(9_500);
  });
});

describe('rasterize', () => {
  const colors = { bar: [0, 0, 255], error: [255, 0, 0] } as const;
  const pixel = (pixels: Uint8ClampedArray, width: number, x: number, y: number) => [
    ...pixels.slice((y * width + x) * 4, (y * width + x) * 4 + 4),
  ];

  it('draws each row at its time position, errors in the error colour', () => {
    // Two rows on a 10×2 canvas: row 0 covers the first half, row 1 (an error) the second.
    const pixels = rasterize(
      {
        rows: Int32Array.from([0, 1]),
        start: Float64Array.from([0, 50]),
        duration: Float64Array.from([50, 50]),
        isError: (span) => span === 1,
        totalUs: 100,
      },
      10,
      2,
      colors,
    );
    expect(pixel(pixels, 10, 2, 0)).toEqual([0, 0, 255, 255]);
    expect(pixel(pixels, 10, 7, 0)[3]).toBe(0);
    expect(pixel(pixels, 10, 7, 1)).toEqual([255, 0, 0, 255]);
    expect(pixel(pixels, 10, 2, 1)[3]).toBe(0);
  });

  it('tints by the share of errors, so a few errors do not turn a busy line red', () => {
    const rows = Int32Array.from({ length: 100 }, (_, i) => i);
    const start = new Float64Array(100);
    const duration = new Float64Array(100).fill(100);
    const pixels = rasterize(
      { rows, start, duration, isError: (span) => span < 2, totalUs: 100 },
      4,
      1,
      colors,
    );
    const [r, , b] = pixel(pixels, 4, 1, 0) as number[];
    expect(b).toBeGreaterThan(r as number);
    expect(r).toBeGreaterThan(0);
  });

  it('squeezes many rows into a line, shading by how many cover each instant', () => {
    const rows = Int32Array.from({ length: 100 }, (_, i) => i);
    const start = new Float64Array(100);
    const duration = Float64Array.from({ length: 100 }, (_, i) => (i < 10 ? 100 : 10));
    const pixels = rasterize(
      { rows, start, duration, isError: () => false, totalUs: 100 },
      10,
      1,
      colors,
    );
    const dense = pixel(pixels, 10, 0, 0)[3] as number;
    const sparse = pixel(pixels, 10, 5, 0)[3] as number;
    expect(dense).toBe(255);
    expect(sparse).toBeGreaterThan(0);
    expect(sparse).toBeLessThan(dense);
  });
});
